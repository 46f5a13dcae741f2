//! Inputs built to make a comparison expensive, shared by the time-budget
//! and memory tests. Deterministic: a fixed-seed generator, no randomness.

/// SplitMix64: a few lines, no dependency, the same stream everywhere.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }

    pub fn below(&mut self, n: usize) -> usize {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        ((z ^ (z >> 31)) % n as u64) as usize
    }

    /// `len` random lowercase ASCII letters: one word, however long.
    pub fn letters(&mut self, len: usize) -> String {
        (0..len)
            .map(|_| (b'a' + self.below(26) as u8) as char)
            .collect()
    }
}

/// About `bytes` of words drawn from a vocabulary of `vocabulary`, a full
/// stop after every `sentence` words (never, if 0): one line.
pub fn words(seed: u64, bytes: usize, vocabulary: usize, sentence: usize) -> String {
    let mut rng = Rng::new(seed);
    let mut out = String::with_capacity(bytes + 16);
    let mut count = 0;
    while out.len() < bytes {
        out.push_str(&format!("w{}", rng.below(vocabulary)));
        count += 1;
        out.push_str(if sentence > 0 && count % sentence == 0 {
            ". "
        } else {
            " "
        });
    }
    out
}

/// `text` with every `every`-th space-separated piece replaced (a copy
/// edited throughout, so the minimal diff has many edits to find).
pub fn edited(text: &str, every: usize) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / every);
    for (i, piece) in text.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        out.push_str(if i % every == every / 2 {
            "edited"
        } else {
            piece
        });
    }
    out
}

/// Two unrelated texts of 200 KB: sentences over one vocabulary, so that
/// every sentence has fuzzy-match candidates and none is a match.
pub fn unrelated() -> (String, String) {
    (words(1, 200_000, 5_000, 20), words(2, 200_000, 5_000, 20))
}

/// A single 5 MB line (one sentence) against a copy with every 20th word
/// edited: one word diff of a million tokens with 50,000 edits.
pub fn one_line() -> (String, String) {
    let line = words(3, 5_000_000, 20_000, 0);
    let copy = edited(&line, 20);
    (line, copy)
}

/// 1,000,000 identical tokens against a copy with every 20th edited.
pub fn identical_tokens() -> (String, String) {
    let text = "the ".repeat(1_000_000);
    let copy = edited(&text, 20);
    (text, copy)
}

/// 2 MB of one character against a copy with one character changed.
pub fn one_character() -> (String, String) {
    let text = "a".repeat(2_000_000);
    let mut copy = text.clone();
    copy.replace_range(1_000_000..1_000_001, "b");
    (text, copy)
}

/// 2 MB without a space, as one word of a sentence, against a copy with
/// every fourth letter respelt: near-variants of each other, but far too
/// long for the character-level refinement of spellings, which must not
/// start on them (interning 4 MB of clusters overran the budget).
pub fn no_spaces() -> (String, String) {
    let mut rng = Rng::new(4);
    let word = rng.letters(2_000_000);
    let respelt: String = word
        .bytes()
        .enumerate()
        .map(|(i, c)| {
            if i % 4 == 0 {
                (b'a' + rng.below(26) as u8) as char
            } else {
                c as char
            }
        })
        .collect();
    let sentence = |word: &str| format!("The minister said {word} on Tuesday in the capital.");
    (sentence(&word), sentence(&respelt))
}

/// 2 MB of one-word sentences over a vocabulary of 50 against a copy with
/// every 20th edited: 300,000 units, each with thousands of equals.
pub fn tiny_sentences() -> (String, String) {
    let text = words(6, 2_000_000, 50, 1);
    let copy = edited(&text, 20);
    (text, copy)
}

/// One sentence repeated for 2 MB against a copy with every 50th word edited.
pub fn duplicate_sentences() -> (String, String) {
    let text = "The cat sat on the mat. ".repeat(85_000);
    let copy = edited(&text, 50);
    (text, copy)
}

/// A function that builds a pair (left, right).
pub type Pair = fn() -> (String, String);

/// Every pair above, by name.
pub const ALL: [(&str, Pair); 7] = [
    ("two unrelated 200 KB texts", unrelated),
    ("a single 5 MB line against an edited copy", one_line),
    (
        "1,000,000 identical tokens against an edited copy",
        identical_tokens,
    ),
    (
        "2 MB of one character against a changed copy",
        one_character,
    ),
    (
        "2 MB without a space, in a sentence, against a respelt copy",
        no_spaces,
    ),
    (
        "2 MB of one-word sentences against an edited copy",
        tiny_sentences,
    ),
    (
        "2 MB of one sentence repeated against an edited copy",
        duplicate_sentences,
    ),
];
