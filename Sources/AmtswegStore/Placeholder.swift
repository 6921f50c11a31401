import AmtswegCore
import SQLKit
import SQLiteKit
public enum P2 {}
