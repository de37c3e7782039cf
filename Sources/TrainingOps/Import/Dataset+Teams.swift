/// One name per team across every file: the roster comes from the workbooks themselves.
extension Dataset {
    /// The teams of the handover plan and the people known to belong to each: leads (TNTK
    /// phụ trách, Người lập of the staff plan) and members (staff assigned to a team's courses,
    /// names on the daily log).
    public struct TeamRoster: Sendable {
        /// Each team's key (``TeamName/key(_:)``) → the name shown: the spelling the handover
        /// plan uses most, else the first one met.
        public private(set) var names: [String: String] = [:]
        /// A person's folded name → the key of the team they lead.
        public private(set) var leads: [String: String] = [:]
        /// A person's folded name → the key of the team they work in.
        public private(set) var members: [String: String] = [:]

        /// The roster of `data`.
        public init(_ data: Dataset) {
            var spellings: [String: [String: Int]] = [:], order: [String] = []
            // A team is written the same way on row after row: each spelling is read once.
            var keys: [String: String?] = [:]
            func saw(_ written: String?, weight: Int) -> String? {
                guard let written else { return nil }
                let known = keys[written]
                guard let key = known ?? TeamName.key(written) else { return nil }
                if known == nil { keys[written] = key }
                if spellings[key] == nil { order.append(key) }
                spellings[key, default: [:]][written, default: 0] += weight
                return key
            }
            // The handover plan's spellings outweigh the others.
            var courseTeam: [String: String] = [:]
            var leadVotes: [String: [String: Int]] = [:], memberVotes: [String: [String: Int]] = [:]
            for c in data.courses {
                guard let key = saw(c.team, weight: 1000) else { continue }
                courseTeam[c.id] = key
                if let lead = c.teamLead { leadVotes[HeaderNormalizer.key(lead), default: [:]][key, default: 0] += 1 }
            }
            for a in data.staffAssignments {
                guard let key = courseTeam[a.courseId] else { continue }
                memberVotes[HeaderNormalizer.key(a.staff), default: [:]][key, default: 0] += 1
                if let planner = a.plannedBy { leadVotes[HeaderNormalizer.key(planner), default: [:]][key, default: 0] += 1 }
            }
            for d in data.dailyLogs {
                guard let key = saw(d.team, weight: 1) else { continue }
                memberVotes[HeaderNormalizer.key(d.staff), default: [:]][key, default: 0] += 1
            }
            for e in data.reportLog where e.level == .teamToHead {
                guard let key = saw(e.team, weight: 1), let sender = e.sender else { continue }
                leadVotes[HeaderNormalizer.key(sender), default: [:]][key, default: 0] += 1
            }
            for key in order {
                let counts = spellings[key] ?? [:]
                // Most used; among equals, the alphabetically first.
                names[key] = counts.max { a, b in (a.value, b.key) < (b.value, a.key) }?.key
            }
            func winner(_ votes: [String: Int]) -> String? { votes.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key }
            leads = leadVotes.compactMapValues(winner)
            members = memberVotes.compactMapValues(winner)
        }

        /// The name shown for a team as written; `nil` for a blank.
        public func name(_ written: String?) -> String? {
            guard let written, let key = TeamName.key(written) else { return nil }
            return names[key] ?? written
        }

        /// The team of a person: the one they lead, else the one they work in.
        public func team(of person: String?) -> String? {
            guard let person else { return nil }
            let key = HeaderNormalizer.key(person)
            return (leads[key] ?? members[key]).flatMap { names[$0] }
        }
    }

    /// Writes every team under its one name (``TeamRoster``), and fills the team of a team
    /// report whose team was left blank from its sender, and of a daily log from its person.
    mutating func resolveTeams() {
        let roster = TeamRoster(self)
        guard !roster.names.isEmpty else { return }
        // Each spelling (and each person) is looked up once.
        var names: [String: String?] = [:], people: [String: String?] = [:]
        func name(_ written: String?) -> String? {
            guard let written else { return nil }
            if let known = names[written] { return known }
            let found = roster.name(written)
            names[written] = .some(found)
            return found
        }
        func team(of person: String?) -> String? {
            guard let person else { return nil }
            if let known = people[person] { return known }
            let found = roster.team(of: person)
            people[person] = .some(found)
            return found
        }
        for i in courses.indices where courses[i].team != nil { courses[i].team = name(courses[i].team) }
        for i in dailyLogs.indices { dailyLogs[i].team = name(dailyLogs[i].team) ?? team(of: dailyLogs[i].staff) }
        for i in reportLog.indices where reportLog[i].level == .teamToHead {
            reportLog[i].team = name(reportLog[i].team) ?? team(of: reportLog[i].sender)
        }
    }
}
