/// Orders tables so that every table comes after the tables it references: the order rows can be inserted in.
public enum TableOrder {
    /// `tables` with each table after its `parents` (references to tables not listed are ignored), otherwise
    /// in the order given.
    public static func parentsFirst(_ tables: [String], parents: [String: Set<String>]) -> [String] {
        var ordered: [String] = []
        var placed = Set<String>()
        func place(_ table: String, visiting: Set<String>) {
            guard !placed.contains(table), !visiting.contains(table) else { return }
            for parent in (parents[table] ?? []).sorted() where tables.contains(parent) {
                place(parent, visiting: visiting.union([table]))
            }
            placed.insert(table)
            ordered.append(table)
        }
        for table in tables { place(table, visiting: []) }
        return ordered
    }
}
