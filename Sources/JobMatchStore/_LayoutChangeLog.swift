/// Records changes made by a bulk write for the layout images, in memory (`BulkWriter` turns the
/// triggers off for its transaction): at most `Store.layoutChangeCap` ids per side, then only
/// that the list overflowed.
final class _LayoutChangeLog {
    /// At most this many changes per side (`Store.bulkLayoutChangeCap`).
    let cap: Int
    init(cap: Int) { self.cap = cap }
    /// Sides whose image was current when the bulk write began (only theirs are tracked).
    var tracked: [StoreTable: Int] = [:]
    var ids: [StoreTable: Set<String>] = [:]
    var overflowed: Set<StoreTable> = []
    /// Whether the change triggers were dropped for the transaction (created again before the commit).
    var droppedTriggers = false

    func note(_ table: StoreTable, _ id: String) {
        guard let before = tracked[table], !overflowed.contains(table) else { return }
        ids[table, default: []].insert(id)
        if before + (ids[table]?.count ?? 0) >= cap {
            overflowed.insert(table)
            ids[table] = nil
        }
    }
}
