/// One value of a stored row as both stores hold it, for copying a whole store (`StoreCopy`).
public enum StoreValue: Sendable, Hashable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
}
