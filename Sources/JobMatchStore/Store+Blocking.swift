import Foundation

/// Blocking (restriction of processing, GDPR Art. 18): a blocked person stays in the store and in
/// their copy (`profile export`), is marked in every listing, and is left out of matching,
/// candidates, assignment and reports until unblocked.
extension Store {
    /// Blocks the profile `id`, logging it (`block`) in the same transaction.
    /// - Returns: `.done`, `.unchanged` when it was blocked already (the first block is kept), or
    ///   `.unknownProfile`.
    @discardableResult
    public func block(profile id: String, reason: String?, actor: AccessActor, query: String) throws(StoreError) -> BlockOutcome {
        try singleWrite { () throws(StoreError) -> BlockOutcome in
            guard try _exists(.profiles, id: id) else { return .unknownProfile }
            if try _block(of: id) != nil { return .unchanged }
            let s = try statement("INSERT INTO profile_blocks (profile, since, user, reason) VALUES (?1, ?2, ?3, ?4)")
            s.bind(1, id)
            s.bind(2, clock())
            s.bind(3, actor.user)
            s.bind(4, reason.map(AccessActor.clean).flatMap { $0.isEmpty ? nil : $0 })
            try s.step()
            s.reset()
            _ = try _appendAccess(AccessEntry(action: .block, actor: actor, profiles: [id], query: query))
            return .done
        }
    }

    /// Lifts the block of profile `id`, logging it (`unblock`) in the same transaction.
    /// - Returns: `.done`, `.unchanged` when it was not blocked, or `.unknownProfile`.
    @discardableResult
    public func unblock(profile id: String, actor: AccessActor, query: String) throws(StoreError) -> BlockOutcome {
        try singleWrite { () throws(StoreError) -> BlockOutcome in
            guard try _exists(.profiles, id: id) else { return .unknownProfile }
            let s = try statement("DELETE FROM profile_blocks WHERE profile = ?1")
            s.bind(1, id)
            try s.step()
            s.reset()
            guard db.changes > 0 else { return .unchanged }
            _ = try _appendAccess(AccessEntry(action: .unblock, actor: actor, profiles: [id], query: query))
            return .done
        }
    }

    /// The block of profile `id`, or nil.
    public func block(of id: String) throws(StoreError) -> ProfileBlock? {
        try locked { () throws(StoreError) -> ProfileBlock? in try _block(of: id) }
    }

    /// Every block, by case id.
    public func blockedProfiles() throws(StoreError) -> [String: ProfileBlock] {
        try locked { () throws(StoreError) -> [String: ProfileBlock] in try _blockedProfiles() }
    }

    func _blockedProfiles() throws(StoreError) -> [String: ProfileBlock] {
        let s = try statement("SELECT profile, since, user, reason FROM profile_blocks")
        var out: [String: ProfileBlock] = [:]
        while try s.step() {
            let b = ProfileBlock(profile: s.text(0) ?? "", sinceMilliseconds: s.int64(1), user: s.text(2) ?? "", reason: s.text(3))
            out[b.profile] = b
        }
        s.reset()
        return out
    }

    func _block(of id: String) throws(StoreError) -> ProfileBlock? {
        let s = try statement("SELECT profile, since, user, reason FROM profile_blocks WHERE profile = ?1")
        s.bind(1, id)
        defer { s.reset() }
        guard try s.step() else { return nil }
        return ProfileBlock(profile: s.text(0) ?? "", sinceMilliseconds: s.int64(1), user: s.text(2) ?? "", reason: s.text(3))
    }
}

/// A person's block: since when, by whom, and why.
public struct ProfileBlock: Sendable, Hashable {
    /// The case id.
    public var profile: String
    /// When the block began, milliseconds since 1970 UTC.
    public var sinceMilliseconds: Int64
    /// Who blocked.
    public var user: String
    /// Why, when given.
    public var reason: String?

    /// When the block began, ISO 8601 UTC.
    public var since: String { Store.iso(milliseconds: sinceMilliseconds) }

    /// Creates a block.
    public init(profile: String, sinceMilliseconds: Int64, user: String, reason: String?) {
        self.profile = profile
        self.sinceMilliseconds = sinceMilliseconds
        self.user = user
        self.reason = reason
    }
}

/// What `block` or `unblock` did.
public enum BlockOutcome: Sendable, Hashable {
    /// The block was set or lifted.
    case done
    /// Nothing changed: blocked already, or not blocked.
    case unchanged
    /// No profile has this id.
    case unknownProfile
}
