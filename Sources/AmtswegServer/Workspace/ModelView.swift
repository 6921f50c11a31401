public import AmtswegCore

/// Which state of the processes a person sees: those who take part in the work (``Permission/readDrafts``) the
/// working state with its drafts, everyone else the released versions only — a process never released does not
/// exist for them. Snapshots, kept pages and drawings are kept per view, so no reader gets what was made for
/// another.
public enum ModelView: String, Hashable, Sendable, CaseIterable {
    case working
    case released

    /// The view for someone with `role`; without a role (nobody signed in) the released one.
    public static func `for`(_ role: AccessRole?) -> ModelView {
        role?.grants(.readDrafts) == true ? .working : .released
    }

    /// What every analysis says about its basis.
    public var basis: String {
        switch self {
        case .working:
            "Arbeitsstand (die neueste Fassung jedes Prozesses und der Organisation, Entwürfe eingeschlossen)"
        case .released: "Freigegebene Fassungen der Prozesse und der Organisation"
        }
    }
}
