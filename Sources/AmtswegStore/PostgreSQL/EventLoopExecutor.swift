import NIOCore

/// A task executor that runs jobs on one NIO event loop. The writers' connection lives on that loop
/// (``PostgresEngine/transaction(_:)``), so a write's code resumes after each answer of the database on the very
/// thread that read the answer: one wake-up per round trip, no hand-over to another thread — and none of the
/// waiting behind page rendering in the shared cooperative pool, whose threads are as many as the cores.
final class EventLoopExecutor: TaskExecutor {
    let eventLoop: any EventLoop

    init(_ eventLoop: any EventLoop) { self.eventLoop = eventLoop }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        eventLoop.execute { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
    }
}
