//! The source map: for each sentence of the right text that no exact step
//! matched, the sentences of the left text it draws on (one to three), each
//! with the share of the sentence's content that comes from there.
//!
//! A rewrite merges, splits, reorders and re-cases; it keeps what the
//! sentence *says*: its names, numbers and content words, and often their
//! pairs ("heckled and jeered", "26 years"). So:
//!
//! 1. **Features** ([`super::features`]): each sentence's content words,
//!    case and inflection folded, function words left out; names and
//!    numbers flagged.
//! 2. **Weights**: a feature weighs its inverse document frequency over
//!    the sentences of the left text and the right sentences being traced,
//!    `ln(1 + N / df)`, times [`NAME_BOOST`](super::features::NAME_BOOST)
//!    for a name or a number. A word every sentence has says little; a
//!    word only one sentence of each text has says much. (Right sentences
//!    already matched exactly are left out: they would only count their
//!    source's words twice.)
//! 3. **Candidates**: an inverted index from features to left sentences,
//!    read for each right sentence's [`RAREST`] rarest features in windows
//!    of [`POSTING_WINDOW`](super::fuzzy::POSTING_WINDOW) postings
//!    around the expected place; the [`CANDIDATES`] left sentences hit most
//!    (nearest first on ties) are scored. The work per sentence is bounded, so the whole stays
//!    near-linear, on repetitive text too.
//! 4. **Score** of a candidate: the weighted *containment* of the right
//!    sentence's features in it (the share of the sentence's content that
//!    is there: what the sentence takes, not how alike the two are, so
//!    that a short rewrite of a long source still scores high), and, as a
//!    check, the share of the right sentence's word pairs (consecutive
//!    content features) it has too.
//! 5. **Link**: a candidate is listed as a source when it shares at least
//!    [`MIN_SHARED`] features (fewer only when the right sentence or the
//!    candidate has fewer: "Protests continued." is all there is of its
//!    source, but never fewer than two), one of them a word in lower case
//!    (a sentence that shares only names and numbers with another says
//!    something else about the same people: "Fort Liberty was known as Fort
//!    Bragg"), and its containment is at least [`LINK`].
//! 6. **Sources**, greedily: the best candidate first, then up to two more
//!    while each adds at least [`MIN_GAIN`] of the sentence's content not
//!    yet covered, with at least two features of its own, and shares a
//!    word pair with the sentence (a merged lede takes a clause from each
//!    source; a name and a topic word are no clause). The sentence's
//!    *coverage* is the containment of all its sources together.
//! 7. **Derived or weak**: a listed link is only *weak* (shown, but the
//!    sentence stays `new` and counts as not derived) unless the sentence
//!    is an *anchor*, with a source of [`STRONG`] containment or more or an
//!    edit of one (half its words and the source's shared, [`EDIT_DICE`],
//!    which also lists a link whatever the content words), or
//!    it has a coverage of [`WEAK`] or more with a shared word pair and an
//!    anchor or another derived sentence stands within [`CONTEXT`]
//!    sentences of it (exact copies are anchors too). A rewrite copies and
//!    rewords in stretches: the evidence of one sentence supports its
//!    neighbours'. Independent reports of one event share names and topic
//!    words ("Lukashenko", "workers", "protests"), often two fifths of a
//!    sentence's content, but seldom most of it from one sentence, and
//!    their partial matches stand alone.
//! 8. **In step**: a rewrite that rewords every sentence has no anchor and
//!    few links of [`LINK`], but it keeps the story's order. Each traced
//!    sentence's best candidate that could be a clause of it (a link's
//!    shared features, [`PART`] containment) is its *step*; [`CHAIN`] or more
//!    sentences in a row (each within [`CONTEXT`] of the last, boilerplate
//!    not counted) whose steps go forward through the source (each
//!    within [`CONTEXT`] of the last, never back) over [`CHAIN`] distinct
//!    source sentences, and that hold on average a link's share ([`LINK`])
//!    of their content, are derived, each linked to its step at least;
//!    like every derived sentence, they support their neighbours (step 7).
//!    Independent reports of one event tell it in their own order, and
//!    sentences that share only topic words take their best matches from
//!    wherever those words are; a run of three sentences that follows the
//!    source sentence by sentence is neither. A report that covers the
//!    same points in the same order (the verdict, the defendant, the
//!    prosecution, the defence) shares each point's names and topic words,
//!    but less of each sentence than a rewrite does: the average keeps it
//!    out where single steps would not.
//!
//! Thresholds are set from what the measures mean, not fitted to sample
//! texts: [`STRONG`], three fifths of a sentence's weighted content from
//! one source, is most of what it says; [`WEAK`], two fifths, is the most
//! same-story sentences share by topic words alone, so it needs the
//! support of context and a shared word pair; [`LINK`], under a third, is
//! only worth showing; three shared features are the fewest that can be a
//! clause rather than a name and a topic word; a further source must bring
//! a tenth of the content ([`MIN_GAIN`]), the weight of one content word in
//! a sentence of ten; two sentences either side ([`CONTEXT`]) is a
//! paragraph's reach; a step of a chain ([`PART`]) is half a link, what
//! one clause of a sentence of two holds, and two steps in order can be
//! chance (a sentence's candidates are looked for near its expected place
//! in the source), three over three sources ([`CHAIN`]) a pattern. On the
//! labelled set every chain of two to four steps with a part from 0.1 to
//! 0.25 beats the unigram baseline; without the average, same-order
//! independent reports come out partially derived (docs/testing.md).
//!
//! Past the deadline the map stops; the sentences it did not reach are
//! reported as untraced, and their shares are estimated
//! ([`crate::report::estimate`]).

use crate::align::features::{Feature, Folder, NAME, NAME_BOOST, PLAIN};
use crate::align::fuzzy::{Groups, UNIT};
use crate::align::sentences::{Link, UnitKey};
use crate::budget::{Budget, Ticker};
use crate::text::keys::EMPTY;
use crate::text::tokenize::TokenKind;

/// How many of a sentence's rarest features look for candidates.
pub const RAREST: usize = 6;
/// How many candidates (most rare features shared first) are scored.
pub const CANDIDATES: usize = 8;
/// Fewest shared features for a link.
pub const MIN_SHARED: usize = 3;
/// Least containment for a link to be listed at all (as a weak link).
pub const LINK: f64 = 0.3;
/// Least containment of a step of a chain (step 8 of the module header).
pub const PART: f64 = 0.15;
/// Fewest sentences of a chain, and fewest distinct sources they step
/// through.
pub const CHAIN: usize = 3;
/// Least coverage for a sentence to be derived when a neighbour is.
pub const WEAK: f64 = 0.4;
/// Least coverage for a sentence to be derived on its own.
pub const STRONG: f64 = 0.6;
/// How near (in sentences, boilerplate not counted) a neighbour that is
/// copied or strongly derived must be to support a sentence between
/// [`WEAK`] and [`STRONG`].
pub const CONTEXT: usize = 2;
/// Dice coefficient of all the words (function words and case as the
/// matching options have them) from which a candidate is an edit of the
/// sentence, whatever its content words: the one-to-one criterion before
/// the source map ("The workers jeered the president." → "cheered").
pub const EDIT_DICE: f64 = 0.5;
/// How many of the best-ranked candidates are checked for an edit.
const DICE_CANDIDATES: usize = 2;
/// Least share of new content a second or third source must bring.
pub const MIN_GAIN: f64 = 0.1;
/// Most sources of one sentence.
pub const MAX_SOURCES: usize = 3;

/// Most distinct features the folder makes room for at once.
const FOLDER_CAPACITY: usize = 1 << 14;

/// What the map found.
#[derive(Debug, Default)]
pub struct Map {
    /// Links, by right unit then strongest first.
    pub links: Vec<Link>,
    /// Right units the map had to trace but did not reach (the deadline).
    pub untraced: Vec<usize>,
}

/// Features of a set of units, in flat buffers.
struct Units {
    /// Unit index of each entry.
    ids: Vec<u32>,
    /// Each entry's features in reading order, for its word pairs.
    ordered: Vec<Feature>,
    ordered_ends: Vec<u32>,
    /// Each entry's distinct features, in the order first read, each with
    /// the flags of all its occurrences.
    sets: Vec<Feature>,
    set_ends: Vec<u32>,
}

impl Units {
    /// Room for `units` units of about `words` words in all, allocated
    /// once rather than grown.
    fn with_capacity(units: usize, words: usize) -> Self {
        Units {
            ids: Vec::with_capacity(units),
            ordered: Vec::with_capacity(words),
            ordered_ends: Vec::with_capacity(units),
            sets: Vec::with_capacity(words),
            set_ends: Vec::with_capacity(units),
        }
    }

    /// Folds `unit` as the entry of unit index `id`, unless it has fewer
    /// than `least` features.
    fn add(
        &mut self,
        folder: &mut Folder,
        id: usize,
        unit: &UnitKey,
        least: usize,
        places: &mut Places,
    ) {
        let start = self.ordered.len();
        folder.unit(unit.text, unit.atoms, &mut self.ordered);
        if self.ordered.len() - start < least {
            self.ordered.truncate(start);
            return;
        }
        // each feature once, in the order first read, with the flags of all
        // its occurrences
        places.forget(folder.len());
        for &(f, flags) in &self.ordered[start..] {
            match places.get(f) {
                Some(at) => self.sets[at].1 |= flags,
                None => {
                    places.set(f, self.sets.len());
                    self.sets.push((f, flags));
                }
            }
        }
        self.set_ends.push(self.sets.len() as u32);
        self.ordered_ends.push(self.ordered.len() as u32);
        self.ids.push(id as u32);
    }

    fn ordered_start(&self, k: usize) -> usize {
        if k == 0 {
            0
        } else {
            self.ordered_ends[k - 1] as usize
        }
    }

    fn set(&self, k: usize) -> &[Feature] {
        let start = if k == 0 { 0 } else { self.set_ends[k - 1] };
        &self.sets[start as usize..self.set_ends[k] as usize]
    }

    fn ordered(&self, k: usize) -> &[Feature] {
        &self.ordered[self.ordered_start(k)..self.ordered_ends[k] as usize]
    }

    fn len(&self) -> usize {
        self.ids.len()
    }
}

/// A feature's weight in fixed point ([`ONE`] is 1.0): sums of weights
/// are exact whatever order the features come in, so two candidates that
/// share the same features tie exactly, and the nearer one is taken.
type Weight = u64;

/// 1.0 as a [`Weight`]: a weight is below 2^30 (`NAME_BOOST` times the
/// logarithm of at most 2^32 units, under 2^6), so no sentence of under
/// 2^34 features sums past 2^64; a step of 2^-24 is far below what the
/// thresholds and the scores shown (four decimals) tell apart.
const ONE: f64 = (1u64 << 24) as f64;

fn fixed(x: f64) -> Weight {
    (x * ONE).round() as Weight
}

/// `part` of `whole` as a fraction (0 of nothing).
fn share(part: Weight, whole: Weight) -> f64 {
    if whole > 0 {
        part as f64 / whole as f64
    } else {
        0.0
    }
}

/// A place by feature (in an entry's set, or the sentence's), for the
/// entry or sentence under way only: each place is stamped with it, so
/// that forgetting them all is a new stamp, not a clearing.
struct Places {
    /// Each feature's (stamp, place).
    marks: Vec<(u32, u32)>,
    stamp: u32,
}

impl Places {
    fn new() -> Self {
        Places {
            marks: Vec::new(),
            stamp: 0,
        }
    }

    /// Forgets every place, with room for features below `features`.
    fn forget(&mut self, features: usize) {
        self.stamp += 1;
        if self.stamp == NO_SENTENCE.0 {
            self.marks.fill(NO_SENTENCE);
            self.stamp = 0;
        }
        if self.marks.len() < features {
            let len = features.max(2 * self.marks.len());
            self.marks.resize(len, NO_SENTENCE);
        }
    }

    fn set(&mut self, f: u32, at: usize) {
        self.marks[f as usize] = (self.stamp, at as u32);
    }

    fn get(&self, f: u32) -> Option<usize> {
        placed(&self.marks, self.stamp, f)
    }
}

/// The place `marks` give feature `f` under `stamp` ([`Places`]).
fn placed(marks: &[(u32, u32)], stamp: u32, f: u32) -> Option<usize> {
    let (at_stamp, at) = marks[f as usize];
    (at_stamp == stamp).then_some(at as usize)
}

/// The right unit being traced, which the candidates are scored against.
struct Sentence<'a> {
    set: &'a [Feature],
    weights: &'a [Weight],
    total: Weight,
    /// Each feature's (stamp, place in the set): the place is the set's
    /// while the stamp is [`Self::stamp`] ([`Places`]).
    places: &'a [(u32, u32)],
    stamp: u32,
}

impl Sentence<'_> {
    /// The place of feature `f` in the set.
    fn place(&self, f: u32) -> Option<usize> {
        placed(self.places, self.stamp, f)
    }

    /// Calls `f` with the place in the set of each feature `other` has
    /// too, in `other`'s order.
    fn each_shared(&self, other: &[Feature], mut f: impl FnMut(usize)) {
        for &(g, _) in other {
            if let Some(at) = self.place(g) {
                f(at);
            }
        }
    }

    /// Some two consecutive features of `ordered` are one of `pairs`, the
    /// sentence's word pairs (sorted).
    fn shares_pair(&self, pairs: &[u64], ordered: &[Feature]) -> bool {
        ordered.windows(2).any(|w| {
            self.place(w[0].0).is_some()
                && self.place(w[1].0).is_some()
                && pairs.binary_search(&pair(w)).is_ok()
        })
    }
}

/// Sorts `v`: by insertion when it is as short as a sentence's features,
/// which costs less there than the general sort's set-up.
fn sort_short(v: &mut [u64]) {
    if v.len() > 24 {
        v.sort_unstable();
        return;
    }
    for i in 1..v.len() {
        let x = v[i];
        let mut at = i;
        while at > 0 && v[at - 1] > x {
            v[at] = v[at - 1];
            at -= 1;
        }
        v[at] = x;
    }
}

/// Two consecutive features as one number.
fn pair(w: &[Feature]) -> u64 {
    (u64::from(w[0].0) << 32) | u64::from(w[1].0)
}

/// Traces the right units `todo` (sorted) to the left units.
#[inline(never)] // its own function in the wasm: see "Phases" in lib.rs
pub fn map(left: &[UnitKey], right: &[UnitKey], todo: &[usize], budget: &Budget) -> Map {
    let mut out = Map::default();
    if todo.is_empty() {
        return out;
    }
    // distinct features are at most as many as the words folded (and far
    // fewer in a long text, whose vocabulary grows slower than it)
    let left_words = left.iter().map(|u| u.words as usize).sum::<usize>();
    let right_words = todo.iter().map(|&j| right[j].words as usize).sum::<usize>();
    let mut folder = Folder::with_capacity((left_words + right_words).min(FOLDER_CAPACITY));
    let mut places = Places::new();
    let mut lu = Units::with_capacity(left.len(), left_words);
    let mut ru = Units::with_capacity(todo.len(), right_words);
    // a link shares two features at least: sentences of one word are
    // neither sources nor traced
    for (i, unit) in left.iter().enumerate() {
        if unit.loose() && unit.words >= 2 {
            lu.add(&mut folder, i, unit, 2, &mut places);
        }
    }
    for &j in todo {
        ru.add(&mut folder, j, &right[j], 0, &mut places);
    }
    if lu.len() == 0 {
        return out;
    }
    // document frequencies over the left units and the traced right units
    let mut df = vec![0u32; folder.len()];
    for &(f, _) in lu.sets.iter().chain(&ru.sets) {
        df[f as usize] += 1;
    }
    // ln(1 + N / df) by df, in fixed point: a logarithm per distinct
    // frequency (a few dozen), not per feature read, as the wasm computes
    // it in software
    let n = lu.len() + ru.len();
    // (plain, name) by df
    let mut idf_by_df: Vec<[Weight; 2]> = vec![[0; 2]; n + 1];
    for &d in &df {
        let d = d as usize;
        if d > 0 && idf_by_df[d][0] == 0 {
            let idf = (1.0 + n as f64 / d as f64).ln();
            idf_by_df[d] = [fixed(idf), fixed(idf * NAME_BOOST)];
        }
    }
    let weight =
        |f: u32, flags: u8| idf_by_df[df[f as usize] as usize][usize::from(flags & NAME != 0)];
    let mut postings = Groups::new(
        folder.len(),
        (0..lu.len()).flat_map(|k| lu.set(k).iter().map(move |&(f, _)| (f, k as u32))),
    );

    let mut ticker = Ticker::new(budget);
    let mut rare: Vec<u64> = Vec::new();
    let mut ranked: Vec<u64> = Vec::new();
    let mut weights: Vec<Weight> = Vec::new();
    let mut covered: Vec<bool> = Vec::new();
    let mut scored: Vec<Candidate> = Vec::new();
    let mut pairs: Vec<u64> = Vec::new();
    // every word a sentence's Dice reads was folded
    let mut words = Words::with_keys(folder.key_bound());
    // (right unit, its links, coverage, shares a word pair, top score)
    let mut traced: Vec<Traced> = Vec::new();
    // (right unit, left unit, containment) of each traced unit's step
    let mut steps: Vec<(usize, usize, f64)> = Vec::new();
    for (rpos, &j) in todo.iter().enumerate() {
        if ticker.expired() {
            budget.degrade();
            out.untraced.extend_from_slice(&todo[rpos..]);
            break;
        }
        let set = ru.set(rpos);
        if set.is_empty() {
            continue;
        }
        weights.clear();
        weights.extend(set.iter().map(|&(f, flags)| weight(f, flags)));
        let total: Weight = weights.iter().sum();
        // candidates: the left units most of the rarest features point to
        rare.clear();
        rare.extend(set.iter().filter_map(|&(f, _)| {
            let p = postings.get(f);
            (!p.is_empty()).then(|| ((p.len() as u64) << 32) | u64::from(f))
        }));
        let expected = (j * lu.len() / right.len().max(1)) as u32;
        postings.ranked(&mut rare, RAREST, expected, CANDIDATES, &mut ranked);
        scored.clear();
        places.forget(folder.len());
        for (at, &(f, _)) in set.iter().enumerate() {
            places.set(f, at);
        }
        let sentence = Sentence {
            set,
            weights: &weights,
            total,
            places: &places.marks,
            stamp: places.stamp,
        };
        let mut words_set = false;
        let mut step: Option<(usize, f64)> = None;
        for (rank, &packed) in ranked.iter().enumerate() {
            let k = (packed & UNIT) as usize;
            let candidate = score(&sentence, lu.set(k));
            if candidate.part(set.len()) && step.is_none_or(|(_, c)| candidate.containment() > c) {
                step = Some((k, candidate.containment()));
            }
            // An edit shares most rare words, so it ranks first or second;
            // and two sentences that share too few words to be one (of very
            // different lengths, say) are spared the count.
            let (a, b) = (left[lu.ids[k] as usize].words, right[j].words);
            let dice = if rank < DICE_CANDIDATES
                && most_dice(&candidate, (&lu, k, a), (&ru, rpos, b)) >= EDIT_DICE
            {
                if !words_set {
                    words.set(&right[j]);
                    words_set = true;
                }
                words.dice(&left[lu.ids[k] as usize])
            } else {
                0.0
            };
            let candidate = Candidate {
                unit: k,
                dice,
                ..candidate
            };
            if candidate.links(set.len()) {
                scored.push(candidate);
            }
        }
        if let Some((k, containment)) = step {
            steps.push((j, lu.ids[k] as usize, containment));
        }
        if scored.is_empty() {
            continue;
        }
        // only a source's word pair is read (see `Candidate::pair`)
        pairs.clear();
        pairs.extend(ru.ordered(rpos).windows(2).map(pair));
        sort_short(&mut pairs);
        for candidate in &mut scored {
            candidate.pair = sentence.shares_pair(&pairs, lu.ordered(candidate.unit));
        }
        // greedy sources by marginal gain
        covered.clear();
        covered.resize(set.len(), false);
        let first = out.links.len();
        let (mut coverage, mut pairs_shared, mut anchor) = (0.0, false, false);
        for round in 0..MAX_SOURCES {
            let mut best: Option<(Weight, usize, usize)> = None;
            for (c, candidate) in scored.iter().enumerate() {
                // a further source is a clause of a merge: it shares a
                // word pair with the sentence
                if !candidate.links(set.len()) || (round > 0 && !candidate.pair) {
                    continue;
                }
                // nothing is covered before the first: its gain is its score's
                let (gain, fresh) = if round == 0 {
                    (candidate.shared_weight, candidate.shared)
                } else {
                    marginal(&sentence, &covered, lu.set(candidate.unit))
                };
                let better = best.is_none_or(|(g, ..)| gain > g);
                if better {
                    best = Some((gain, fresh, c));
                }
            }
            let Some((gain, fresh, c)) = best else { break };
            if round > 0 && (share(gain, total) < MIN_GAIN || fresh < 2) {
                break;
            }
            let chosen = scored.swap_remove(c);
            sentence.each_shared(lu.set(chosen.unit), |at| covered[at] = true);
            coverage += share(gain, total);
            pairs_shared |= chosen.pair;
            anchor |= chosen.containment() >= STRONG || chosen.dice >= EDIT_DICE;
            out.links.push(Link {
                left: lu.ids[chosen.unit] as usize,
                right: j,
                score: chosen.containment(),
                derived: false,
            });
        }
        // strongest first (at most three: no sort needed)
        let own = &mut out.links[first..];
        for k in 1..own.len() {
            let mut at = k;
            while at > 0
                && (own[at].score > own[at - 1].score
                    || (own[at].score == own[at - 1].score && own[at].left < own[at - 1].left))
            {
                own.swap(at, at - 1);
                at -= 1;
            }
        }
        if first < out.links.len() {
            traced.push((j, first..out.links.len(), coverage, pairs_shared, anchor));
        }
    }
    derive(right, todo, &traced, &steps, &mut out.links);
    out
}

/// A traced right unit: (unit, its links, coverage, shares a word pair,
/// its strongest source's score).
type Traced = (usize, std::ops::Range<usize>, f64, bool, bool);

/// Marks the links of the derived right units (step 7 of the module
/// header): anchors are the units matched exactly and those with a source
/// of [`STRONG`] containment; a unit of [`WEAK`] coverage or more that
/// shares a word pair with its sources is derived when an anchor or a
/// derived unit stands within [`CONTEXT`] units, which spreads from each
/// anchor through a rewritten stretch until the evidence stops.
fn derive(
    right: &[UnitKey],
    todo: &[usize],
    traced: &[Traced],
    steps: &[(usize, usize, f64)],
    links: &mut Vec<Link>,
) {
    let loose: Vec<usize> = (0..right.len()).filter(|&j| right[j].loose()).collect();
    // state per loose unit: 2 derived or anchor, 1 candidate, 0 neither
    let mut state = vec![0u8; loose.len()];
    let mut listed = todo.iter().peekable();
    let mut tr = traced.iter().peekable();
    for (k, &j) in loose.iter().enumerate() {
        if listed.peek() == Some(&&j) {
            listed.next();
            while tr.peek().is_some_and(|t| t.0 < j) {
                tr.next();
            }
            if let Some(t) = tr.peek().filter(|t| t.0 == j) {
                state[k] = if t.4 {
                    2
                } else if t.2 >= WEAK && t.3 {
                    1
                } else {
                    0
                };
            }
        } else {
            // matched exactly by an earlier step
            state[k] = 2;
        }
    }
    // the units of a chain (step 8) are derived, and support their
    // neighbours as every derived unit does
    let chained = in_step(&loose, steps);
    for &(k, _) in &chained {
        state[k] = 2;
    }
    // spread forwards and backwards until nothing changes
    let mut changed = true;
    while changed {
        changed = false;
        for k in (0..loose.len()).chain((0..loose.len()).rev()) {
            if state[k] == 1 {
                let near = state[k.saturating_sub(CONTEXT)..(k + CONTEXT + 1).min(loose.len())]
                    .contains(&2);
                if near {
                    state[k] = 2;
                    changed = true;
                }
            }
        }
    }
    for t in traced {
        let k = loose.partition_point(|&u| u < t.0);
        for link in &mut links[t.1.clone()] {
            link.derived = state[k] == 2;
        }
    }
    link_steps(&chained, steps, links);
}

/// Links each unit of `chained` (from [`in_step`]) that `links` (sorted by
/// right unit) gives no source to its step, keeping `links` sorted.
fn link_steps(chained: &[(usize, usize)], steps: &[(usize, usize, f64)], links: &mut Vec<Link>) {
    // only the links the map listed are searched: those pushed here are
    // not in order, and a chain's units are distinct
    let listed = links.len();
    for &(_, s) in chained {
        let (j, left, score) = steps[s];
        if links[..listed]
            .binary_search_by_key(&j, |k| k.right)
            .is_err()
        {
            links.push(Link {
                left,
                right: j,
                score,
                derived: true,
            });
        }
    }
    if links.len() > listed {
        crate::order::sort_by_key(links, |k| k.right as u64);
    }
}

/// The units of every chain of `steps` (step 8 of the module header): for
/// each, its place among the `loose` units and the index of its step.
fn in_step(loose: &[usize], steps: &[(usize, usize, f64)]) -> Vec<(usize, usize)> {
    let place = |j: usize| loose.partition_point(|&u| u < j);
    let mut out = Vec::new();
    let mut start = 0;
    for end in 1..=steps.len() {
        let follows = end < steps.len() && {
            let ((ja, la, _), (jb, lb, _)) = (steps[end - 1], steps[end]);
            place(jb) - place(ja) <= CONTEXT && lb >= la && lb - la <= CONTEXT
        };
        if follows {
            continue;
        }
        let chain = &steps[start..end];
        // the sources go forward, so distinct ones are the changes
        let sources = 1 + chain.windows(2).filter(|w| w[0].1 != w[1].1).count();
        let held = chain.iter().map(|step| step.2).sum::<f64>();
        if chain.len() >= CHAIN && sources >= CHAIN && held >= LINK * chain.len() as f64 {
            out.extend((start..end).map(|s| (place(steps[s].0), s)));
        }
        start = end;
    }
    out
}

/// The word and number keys of one sentence, counted by key, for the Dice
/// coefficient of the sentence's words and another's: a look-up per word
/// of the other, with neither sorted. The counts are dense by key, each
/// stamped with the sentence it counts for, so none is ever cleared.
pub(crate) struct Words {
    /// Each key's (stamp, count): the count is the sentence's occurrences
    /// of the key (less those the other sentence took, while compared)
    /// where the stamp is [`Self::stamp`], and 0 elsewhere.
    counts: Vec<(u32, u32)>,
    stamp: u32,
    /// The sentence's words.
    len: usize,
    /// The keys the other sentence took, to give back.
    taken: Vec<u32>,
}

/// The stamp of no sentence ([`Words`], [`Places`]): a fill that is not
/// one byte repeated is written by the loop that fills the vector, not by
/// a `memset`.
const NO_SENTENCE: (u32, u32) = (u32::MAX, 0);

impl Default for Words {
    fn default() -> Self {
        Words::with_keys(0)
    }
}

impl Words {
    /// For sentences whose word keys are all below `keys`: the counts are
    /// made that long at once rather than grown.
    pub(crate) fn with_keys(keys: usize) -> Self {
        Words {
            counts: vec![NO_SENTENCE; keys],
            stamp: 0,
            len: 0,
            taken: Vec::new(),
        }
    }

    /// Makes `unit` the sentence the others are compared to.
    pub(crate) fn set(&mut self, unit: &UnitKey) {
        self.stamp += 1;
        if self.stamp == NO_SENTENCE.0 {
            self.counts.fill(NO_SENTENCE);
            self.stamp = 0;
        }
        self.len = 0;
        for k in words(unit) {
            let k = k as usize;
            if k >= self.counts.len() {
                let len = (k + 1).max(2 * self.counts.len());
                self.counts.resize(len, NO_SENTENCE);
            }
            let count = &mut self.counts[k];
            if count.0 != self.stamp {
                *count = (self.stamp, 0);
            }
            count.1 += 1;
            self.len += 1;
        }
    }

    /// The Dice coefficient of the sentence's words and `other`'s, as
    /// multisets (1 when both have none).
    pub(crate) fn dice(&mut self, other: &UnitKey) -> f64 {
        let (mut shared, mut len) = (0usize, 0usize);
        for k in words(other) {
            len += 1;
            if let Some(count) = self.counts.get_mut(k as usize)
                && count.0 == self.stamp
                && count.1 > 0
            {
                count.1 -= 1;
                shared += 1;
                self.taken.push(k);
            }
        }
        for k in self.taken.drain(..) {
            self.counts[k as usize].1 += 1;
        }
        if len == 0 && self.len == 0 {
            return 1.0;
        }
        2.0 * shared as f64 / (len + self.len) as f64
    }
}

/// The word and number keys of `unit`, in order.
fn words<'a>(unit: &UnitKey<'a>) -> impl Iterator<Item = u32> + 'a {
    unit.atoms
        .iter()
        .filter(|a| a.key != EMPTY && matches!(a.kind, TokenKind::Word | TokenKind::Number))
        .map(|a| a.key)
}

/// A scored candidate.
#[derive(Debug, Clone, Copy)]
struct Candidate {
    unit: usize,
    /// The weight of the features it shares.
    shared_weight: Weight,
    /// The weight of all the right sentence's features.
    total: Weight,
    /// Features it shares.
    shared: usize,
    /// It shares a word pair: found for the candidates that link only
    /// (false until then), the only ones whose pair is read.
    pair: bool,
    /// Features the candidate has.
    source_features: usize,
    /// Shared features written in lower case in the right sentence.
    plain: usize,
    /// Dice coefficient of the two sentences' word keys, all words.
    dice: f64,
}

impl Candidate {
    /// Weighted share of the right sentence's features it has.
    fn containment(&self) -> f64 {
        share(self.shared_weight, self.total)
    }

    /// Shares enough features, one in lower case, to be a clause of the
    /// sentence (see the module header).
    fn shares_clause(&self, features: usize) -> bool {
        self.shared >= MIN_SHARED.min(features).min(self.source_features).max(2) && self.plain > 0
    }

    /// Strong enough to be a source.
    fn links(&self, features: usize) -> bool {
        (self.shares_clause(features) && self.containment() >= LINK) || self.dice >= EDIT_DICE
    }

    /// Strong enough to be a step of a chain.
    fn part(&self, features: usize) -> bool {
        self.shares_clause(features) && self.containment() >= PART
    }
}

fn score(sentence: &Sentence, other: &[Feature]) -> Candidate {
    let (mut sum, mut shared, mut plain) = (0, 0, 0);
    sentence.each_shared(other, |at| {
        sum += sentence.weights[at];
        shared += 1;
        plain += usize::from(sentence.set[at].1 & PLAIN != 0);
    });
    Candidate {
        unit: 0,
        shared_weight: sum,
        total: sentence.total,
        shared,
        pair: false,
        source_features: other.len(),
        plain,
        dice: 0.0,
    }
}

/// At least the Dice coefficient of the words of left entry `left.1` and
/// right entry `right.1`, of `left.2` and `right.2` words and numbers, whose
/// [`score`] is `candidate`: a bound from counts, which spares a candidate
/// that cannot be an edit the count of its words by key. A key is one
/// feature or none, so the words two sentences share are at most the
/// occurrences of the features they share (all a sentence's occurrences
/// less one at least of each feature the other lacks) and the fewer of their
/// words that are no feature: never more than the shorter sentence's words,
/// so the bound is also the one of the two sentences' lengths.
#[inline(never)]
fn most_dice(
    candidate: &Candidate,
    left: (&Units, usize, u32),
    right: (&Units, usize, u32),
) -> f64 {
    let side = |(units, k, words): (&Units, usize, u32)| {
        let features = units.ordered(k).len();
        let lacked = units.set(k).len() - candidate.shared;
        (words, words as usize - features, features - lacked)
    };
    let (l_words, l_other, l_shared) = side(left);
    let (r_words, r_other, r_shared) = side(right);
    let most = l_shared.min(r_shared) + l_other.min(r_other);
    2.0 * most as f64 / f64::from(l_words + r_words)
}

/// The weight, and the number, of the features of the sentence that
/// `other` has and `covered` does not.
fn marginal(sentence: &Sentence, covered: &[bool], other: &[Feature]) -> (Weight, usize) {
    let (mut gain, mut fresh) = (0, 0);
    sentence.each_shared(other, |at| {
        if !covered[at] {
            gain += sentence.weights[at];
            fresh += 1;
        }
    });
    (gain, fresh)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::sentences::unit_keys;

    /// The right units `in_step` derives from `steps` ((right, left)
    /// pairs, each holding a link's share; right units 0..10 all loose).
    fn chained(steps: &[(usize, usize)]) -> Vec<usize> {
        chained_holding(&steps.iter().map(|&(j, l)| (j, l, LINK)).collect::<Vec<_>>())
    }

    fn chained_holding(steps: &[(usize, usize, f64)]) -> Vec<usize> {
        let loose: Vec<usize> = (0..10).collect();
        in_step(&loose, steps)
            .into_iter()
            .map(|(k, s)| {
                assert_eq!(loose[k], steps[s].0);
                steps[s].0
            })
            .collect()
    }

    #[test]
    fn sentences_in_the_sources_order_are_derived() {
        // forward through three sources, a split (one source twice) included
        assert_eq!(chained(&[(0, 1), (1, 2), (2, 2), (3, 4)]), [0, 1, 2, 3]);
        // a sentence between them not traced (copied, or too short)
        assert_eq!(chained(&[(0, 1), (2, 2), (3, 3)]), [0, 2, 3]);
        // only the run that follows the source: the fourth jumps back
        assert_eq!(chained(&[(0, 1), (1, 2), (2, 3), (3, 0)]), [0, 1, 2]);
    }

    #[test]
    fn sentences_out_of_step_are_not() {
        // two sentences in order are not a chain
        assert!(chained(&[(0, 1), (1, 2)]).is_empty());
        // three sentences whose best source is mostly one (a lede every
        // sentence of a same-story report shares topic words with)
        assert!(chained(&[(0, 1), (1, 1), (2, 2)]).is_empty());
        // the sources in another order
        assert!(chained(&[(0, 3), (1, 1), (2, 2)]).is_empty());
        // too far apart in the source, or in the outlet
        assert!(chained(&[(0, 1), (1, 4), (2, 7)]).is_empty());
        assert!(chained(&[(0, 1), (3, 2), (6, 3)]).is_empty());
        // in order, but holding less than a link's share on average (the
        // same points covered by another reporter), unlike a rewrite's
        let weak = [(0, 1, 0.22), (1, 2, 0.31), (2, 3, 0.16), (4, 5, 0.24)];
        assert!(chained_holding(&weak).is_empty());
        let rewrite = [
            (0, 1, 0.33),
            (1, 2, 0.27),
            (2, 4, 0.34),
            (3, 4, 0.45),
            (4, 5, 0.19),
        ];
        assert_eq!(chained_holding(&rewrite), [0, 1, 2, 3, 4]);
    }

    #[test]
    fn chained_units_without_a_source_are_linked_to_their_step_once() {
        // right unit 9 has a source; 1 to 4 have none before their steps
        // are linked (pushed after 9: a search of all the links for 9
        // would then look among 1 to 4 and miss it)
        let mut links = vec![Link {
            left: 7,
            right: 9,
            score: 0.5,
            derived: true,
        }];
        let steps = [
            (1, 0, 0.3),
            (2, 1, 0.3),
            (3, 2, 0.3),
            (4, 3, 0.3),
            (9, 7, 0.3),
        ];
        let chained: Vec<(usize, usize)> = (0..steps.len()).map(|s| (s, s)).collect();
        link_steps(&chained, &steps, &mut links);
        let got: Vec<(usize, usize, bool)> =
            links.iter().map(|k| (k.right, k.left, k.derived)).collect();
        assert_eq!(
            got,
            [
                (1, 0, true),
                (2, 1, true),
                (3, 2, true),
                (4, 3, true),
                (9, 7, true)
            ]
        );
        assert_eq!(
            links[4].score, 0.5,
            "the map's own link is kept, not replaced"
        );
    }

    #[test]
    fn short_sorts_sort() {
        for n in [0, 1, 2, 5, 24, 25, 40] {
            let v: Vec<u64> = (0..n as u64)
                .map(|x| (x * 7919) % 13 + (x & 1) * (1 << 40))
                .collect();
            let (mut a, mut b) = (v.clone(), v);
            a.sort_unstable();
            sort_short(&mut b);
            assert_eq!(a, b, "{n}");
        }
    }

    #[test]
    fn sources_with_the_same_features_in_another_order_tie_exactly() {
        // The sentence's content words in two sources, in other orders:
        // each source holds all of it (containment exactly 1), and of the
        // two the nearer to the sentence's place is its source.
        let texts = [
            "Miners walked off the job at the Belaruskali potash plant in Soligorsk. \
             Unrelated words fill this sentence about the plant and the weather. \
             Another line mentions a job, concerts, parks and trains in Soligorsk. \
             In Soligorsk the Belaruskali potash plant saw its job walked off by miners.",
            "Miners at Soligorsk walked off the job at Belaruskali's potash plant.",
        ];
        let options = crate::options::Options::default();
        let mut keys = crate::text::keys::Keys::new(&options);
        let sides = texts.map(|t| crate::text::Side::new(t, &mut keys));
        let (left, right) = (unit_keys(&sides[0]), unit_keys(&sides[1]));
        let map = map(&left, &right, &[0], &Budget::new(60_000));
        let link = &map.links[0];
        assert_eq!((link.left, link.right), (0, 0), "{:?}", map.links);
        assert_eq!(link.score, 1.0);
    }

    #[test]
    fn weights_sum_the_same_in_any_order() {
        // weights whose floating-point sums depend on the order
        let set: Vec<Feature> = vec![(0, PLAIN), (1, PLAIN), (2, PLAIN)];
        let weights: Vec<Weight> = [0.1, 0.2, 0.3].map(fixed).to_vec();
        let mut places = Places::new();
        places.forget(set.len());
        for (at, &(f, _)) in set.iter().enumerate() {
            places.set(f, at);
        }
        let sentence = Sentence {
            set: &set,
            weights: &weights,
            total: weights.iter().sum(),
            places: &places.marks,
            stamp: places.stamp,
        };
        let reversed: Vec<Feature> = set.iter().rev().copied().collect();
        let (a, b) = (score(&sentence, &set), score(&sentence, &reversed));
        assert_eq!(a.shared_weight, b.shared_weight);
        assert_eq!(b.containment(), 1.0);
    }

    #[test]
    fn the_bound_on_dice_holds() {
        // repeated words, function words, names, numbers, possessives,
        // inflections, words outside ASCII, sentences of any length
        let texts = [
            "The workers jeered the president. Police, police and more police came. \
             7 of 7. Lukashenko's rivals say he rigged the vote, and the vote was rigged. \
             Protesters marched to the square; the protesters stayed. Naïve café owners shut.",
            "The workers cheered the president. Police came, then police left. 7 of 8. \
             Lukashenko rigged the vote, his rivals say. The protestors marched and marched. \
             Café owners, naïve, shut the cafés. Workers jeered. The the the of of.",
        ];
        let options = crate::options::Options::default();
        let mut keys = crate::text::keys::Keys::new(&options);
        let sides = texts.map(|t| crate::text::Side::new(t, &mut keys));
        let (left, right) = (unit_keys(&sides[0]), unit_keys(&sides[1]));
        // a unit's count of words is what its Dice coefficient counts
        for unit in left.iter().chain(&right) {
            assert_eq!(unit.words as usize, words(unit).count());
        }
        let mut folder = Folder::with_capacity(64);
        let (mut lu, mut ru) = (Units::with_capacity(0, 0), Units::with_capacity(0, 0));
        let mut places = Places::new();
        for (i, unit) in left.iter().enumerate() {
            lu.add(&mut folder, i, unit, 0, &mut places);
        }
        for (j, unit) in right.iter().enumerate() {
            ru.add(&mut folder, j, unit, 0, &mut places);
        }
        let mut words = Words::default();
        let mut checked = 0;
        for r in 0..ru.len() {
            let set = ru.set(r);
            places.forget(folder.len());
            for (at, &(f, _)) in set.iter().enumerate() {
                places.set(f, at);
            }
            let weights = vec![1; set.len()];
            let sentence = Sentence {
                set,
                weights: &weights,
                total: set.len() as Weight,
                places: &places.marks,
                stamp: places.stamp,
            };
            words.set(&right[ru.ids[r] as usize]);
            for l in 0..lu.len() {
                let candidate = score(&sentence, lu.set(l));
                let dice = words.dice(&left[lu.ids[l] as usize]);
                let (lw, rw) = (
                    left[lu.ids[l] as usize].words,
                    right[ru.ids[r] as usize].words,
                );
                let most = most_dice(&candidate, (&lu, l, lw), (&ru, r, rw));
                assert!(most >= dice, "left {l}, right {r}: {most} < {dice}");
                // no more than the two lengths allow
                assert!(most <= 2.0 * f64::from(lw.min(rw)) / f64::from(lw + rw));
                checked += usize::from(dice > 0.0);
            }
        }
        assert!(checked > 20, "{checked} pairs share words");
    }

    #[test]
    fn words_give_the_dice_of_sorted_bags() {
        let options = crate::options::Options::default();
        let mut keys = crate::text::keys::Keys::new(&options);
        let left = crate::text::Side::new(
            "The workers jeered the president. Police, police and more police came. 7 of 7.",
            &mut keys,
        );
        let right = crate::text::Side::new(
            "The workers cheered the president. Police came, then police left. 7 of 8.",
            &mut keys,
        );
        fn units<'s>(side: &'s crate::text::Side) -> Vec<(UnitKey<'s>, Vec<u32>)> {
            unit_keys(side)
                .into_iter()
                .map(|unit| {
                    let mut bag: Vec<u32> = words(&unit).collect();
                    bag.sort_unstable();
                    (unit, bag)
                })
                .collect()
        }
        let (left, right) = (units(&left), units(&right));
        let mut counts = Words::default();
        for (r, r_bag) in &right {
            counts.set(r);
            for (l, l_bag) in &left {
                assert_eq!(counts.dice(l), super::super::fuzzy::dice(l_bag, r_bag));
            }
        }
    }
}
