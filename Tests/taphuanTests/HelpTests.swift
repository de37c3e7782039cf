import ArgumentParser
import Foundation
import Testing
@testable import taphuan

/// Every subcommand explains itself: an abstract, a discussion, and examples that parse; the
/// version `--version` prints is the newest one in CHANGELOG.md.
@Suite struct HelpTests {
    static let commands: [any ParsableCommand.Type] = [TapHuan.self] + TapHuan.configuration.subcommands

    /// The words of a shell command line: double- or single-quoted words kept whole; a `>` or
    /// `|` ends the arguments.
    static func words(_ line: String) -> [String] {
        var words: [String] = [], word = "", quote: Character?, inWord = false
        for ch in line {
            if let q = quote {
                if ch == q { quote = nil } else { word.append(ch) }
            } else if ch == "\"" || ch == "'" {
                quote = ch; inWord = true
            } else if ch == " " {
                if inWord { words.append(word); word = ""; inWord = false }
            } else if (ch == ">" || ch == "|") && !inWord {
                return words
            } else {
                word.append(ch); inWord = true
            }
        }
        if inWord { words.append(word) }
        return words
    }

    /// The example lines of a discussion: the indented lines after "Examples:".
    static func examples(_ discussion: String) -> [String] {
        guard let range = discussion.range(of: "Examples:") else { return [] }
        return discussion[range.upperBound...].split(separator: "\n")
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { $0.hasPrefix("taphuan ") }
    }

    @Test(arguments: commands.map { ObjectIdentifier($0) })
    func hasAbstractDiscussionAndExamples(_ id: ObjectIdentifier) throws {
        let command = try #require(Self.commands.first { ObjectIdentifier($0) == id })
        let config = command.configuration
        let name = config.commandName ?? "?"
        #expect(!config.abstract.isEmpty, "\(name) has no abstract")
        #expect(config.discussion.count > 80, "\(name) has no discussion")
        let examples = Self.examples(config.discussion)
        #expect(!examples.isEmpty, "\(name) has no examples")
        for example in examples {
            let arguments = Array(Self.words(example).dropFirst())
            if command != TapHuan.self { #expect(arguments.first == name, "\(example) is not an example of \(name)") }
            #expect(throws: Never.self, "\(example) does not parse") { _ = try TapHuan.parseAsRoot(arguments) }
        }
    }

    @Test func wordsSplitLikeTheShell() {
        #expect(Self.words(#"taphuan inspect "Ke hoach tap huan.xlsx" --sheet 'Danh sách'"#)
                == ["taphuan", "inspect", "Ke hoach tap huan.xlsx", "--sheet", "Danh sách"])
        #expect(Self.words("taphuan validate x --format json > findings.json") == ["taphuan", "validate", "x", "--format", "json"])
        #expect(Self.words("taphuan parts a.xlsx | grep worksheets") == ["taphuan", "parts", "a.xlsx"])
    }

    /// The completion scripts the help documents exist for the three shells.
    @Test(arguments: [CompletionShell.bash, .zsh, .fish])
    func completionScripts(_ shell: CompletionShell) {
        let script = TapHuan.completionScript(for: shell)
        #expect(script.contains("validate"))
        #expect(script.contains("checked-copy"))  // fish writes options without their dashes
    }

    /// CHANGELOG.md's newest entry is the version `taphuan --version` prints.
    @Test func versionMatchesTheChangelog() throws {
        var root = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { root.deleteLastPathComponent() }
        let changelog = try String(contentsOf: root.appendingPathComponent("CHANGELOG.md"), encoding: .utf8)
        let newest = try #require(changelog.split(separator: "\n").first { $0.hasPrefix("## ") })
        #expect(newest.hasPrefix("## \(TapHuan.version) "))
        #expect(TapHuan.configuration.version == TapHuan.version)
    }
}
