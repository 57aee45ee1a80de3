/// "Did you mean …?" for misspelt keys, values and ids.
enum Suggestion {
    /// The candidate closest to `word` by edit distance, if it is close enough to be a likely typo;
    /// otherwise the shortest candidate that starts with `word` (`leva` → `leva-i-lysekil`).
    static func nearest(to word: String, among candidates: some Sequence<String>) -> String? {
        let limit = max(2, word.count / 3)
        var best: (candidate: String, distance: Int)?
        var extended: String?
        let length = word.count
        for candidate in candidates where candidate != word {
            if length >= 3, candidate.hasPrefix(word), candidate.count < (extended?.count ?? .max) {
                extended = candidate
            }
            // The lengths' difference is a lower bound on the distance: a long word is never compared letter by letter.
            guard abs(candidate.count - length) <= limit else { continue }
            let distance = editDistance(word.lowercased(), candidate.lowercased())
            if distance <= limit, distance < (best?.distance ?? .max) {
                best = (candidate, distance)
            }
        }
        return best?.candidate ?? extended
    }

    /// Levenshtein distance over characters, in O(n·m) time and O(m) memory.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
