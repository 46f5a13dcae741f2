//! Moves are the smallest set: a passage taken out of a wire story and put
//! back elsewhere is one move, whatever it stepped over, and of two ways to
//! read a reordering the one that leaves the longer material in place wins.
//! Each case is a wire story (its own text, not the samples) with sentences
//! or paragraphs moved the way a desk moves them.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{assert_lossless, sample};
use wirediff::{Comparison, OpKind, Options, Span, compare};

/// A Reuters-style story: paragraphs of sentences.
const STORY: [&[&str]; 5] = [
    &[
        "LONDON, April 17 (Reuters) - British inflation fell to its lowest level in two years last month, official data showed on Wednesday, easing pressure on the Bank of England.",
        "Consumer prices rose by 3.2 percent in the twelve months to March, down from 3.4 percent in February.",
        "Economists polled by Reuters had expected a reading of 3.1 percent.",
    ],
    &[
        "Finance minister Jeremy Hunt said the figures showed that the government's plan was working.",
        "He added that families would soon feel the benefit in their pockets.",
        "Opposition lawmakers said prices remained far higher than three years ago.",
    ],
    &[
        "Food prices rose at the slowest pace since late 2021, the Office for National Statistics said.",
        "Fuel costs climbed for a second month as oil prices rose on tensions in the Middle East.",
        "Services inflation, watched closely by the central bank, eased only slightly to 6.0 percent.",
    ],
    &[
        "Investors now expect the first cut in interest rates in August rather than in June.",
        "Sterling fell by a quarter of a cent against the dollar after the data were published.",
    ],
    &[
        "The Bank of England will announce its next decision on May 9.",
        "Most of its policymakers have said they need more evidence before cutting rates.",
    ],
];

fn text(paragraphs: &[Vec<&str>]) -> String {
    paragraphs
        .iter()
        .map(|p| p.join(" "))
        .collect::<Vec<_>>()
        .join("\n\n")
}

fn story() -> Vec<Vec<&'static str>> {
    STORY.iter().map(|p| p.to_vec()).collect()
}

/// The story with sentence (p, s) taken out and put before sentence `at`
/// of paragraph `to` (counted after the removal).
fn moved(p: usize, s: usize, to: usize, at: usize) -> String {
    let mut paragraphs = story();
    let sentence = paragraphs[p].remove(s);
    paragraphs[to].insert(at, sentence);
    text(&paragraphs)
}

fn slice(text: &str, span: &Span) -> String {
    let units: Vec<u16> = text.encode_utf16().collect();
    String::from_utf16(&units[span.start..span.end]).unwrap()
}

fn run(left: &str, right: &str) -> Comparison {
    let result = compare(left, right, &Options::default()).unwrap();
    assert_lossless(left, right, &result);
    // every move has one old place (a move op) and its ops at the new place
    for m in &result.moves {
        let olds = result
            .ops
            .iter()
            .filter(|o| o.kind == OpKind::Move && o.move_id == Some(m.id))
            .count();
        assert_eq!(olds, 1, "move {} has {olds} old places", m.id);
    }
    assert_eq!(result.stats.moves as usize, result.moves.len());
    result
}

/// The one move's passage at its old place, trimmed.
fn one_move(left: &str, right: &str) -> String {
    let result = run(left, right);
    let passages: Vec<String> = result
        .moves
        .iter()
        .map(|m| slice(left, &m.left).trim().to_string())
        .collect();
    assert_eq!(passages.len(), 1, "{passages:#?}");
    passages.into_iter().next().unwrap()
}

#[test]
fn a_sentence_moved_forward_within_its_paragraph_is_one_move() {
    let passage = one_move(&text(&story()), &moved(1, 0, 1, 2));
    assert_eq!(passage, STORY[1][0]);
}

#[test]
fn a_sentence_moved_back_within_its_paragraph_is_one_move() {
    let passage = one_move(&text(&story()), &moved(2, 2, 2, 0));
    assert_eq!(passage, STORY[2][2]);
}

#[test]
fn a_sentence_moved_to_another_paragraph_is_one_move_either_way() {
    let passage = one_move(&text(&story()), &moved(0, 2, 3, 1));
    assert_eq!(passage, STORY[0][2]);
    let passage = one_move(&text(&story()), &moved(4, 1, 1, 0));
    assert_eq!(passage, STORY[4][1]);
}

#[test]
fn a_whole_paragraph_moved_is_one_move() {
    let mut paragraphs = story();
    let paragraph = paragraphs.remove(3);
    paragraphs.insert(1, paragraph);
    let passage = one_move(&text(&story()), &text(&paragraphs));
    assert_eq!(passage, STORY[3].join(" "));
}

#[test]
fn a_sentence_moved_and_lightly_edited_is_one_edited_move() {
    let mut paragraphs = story();
    paragraphs[2].remove(1);
    paragraphs[0].push(
        "Fuel costs climbed for a second straight month as oil prices rose on tensions in the Middle East.",
    );
    let (left, right) = (text(&story()), text(&paragraphs));
    assert_eq!(one_move(&left, &right), STORY[2][1]);
    let result = run(&left, &right);
    assert!(result.moves[0].edited);
    let added: Vec<String> = result
        .ops
        .iter()
        .filter(|o| o.kind == OpKind::Insert && o.move_id == Some(1))
        .map(|o| slice(&right, &o.right))
        .collect();
    assert_eq!(added.concat().trim(), "straight");
}

#[test]
fn two_sentences_moved_apart_are_two_moves() {
    let mut paragraphs = story();
    let a = paragraphs[1].remove(2);
    let b = paragraphs[3].remove(0);
    paragraphs[0].insert(1, b);
    paragraphs[4].push(a);
    let result = run(&text(&story()), &text(&paragraphs));
    let mut passages: Vec<String> = result
        .moves
        .iter()
        .map(|m| slice(&text(&story()), &m.left).trim().to_string())
        .collect();
    passages.sort();
    assert_eq!(passages, [STORY[3][0], STORY[1][2]]);
}

#[test]
fn a_swap_is_one_move_of_the_shorter_sentence() {
    // A moved down past B is B moved up past A: either way one move, and
    // the shorter of the two is the one marked moved.
    let words = |s: &str| s.split_whitespace().count();
    let (long, short) = (STORY[2][1], STORY[2][2]);
    assert!(words(long) > words(short));
    let swapped = moved(2, 2, 2, 1);
    assert_eq!(one_move(&text(&story()), &swapped), short);
    let back = one_move(&swapped, &text(&story()));
    assert_eq!(back, short);
}

#[test]
fn a_long_sentence_that_jumps_back_over_shorter_ones_is_the_move() {
    // The lede's long first sentence put after the next paragraph: it
    // stepped over four shorter sentences, which stay in place (and so does
    // the dateline, a line of its own).
    let passage = one_move(&text(&story()), &moved(0, 0, 1, 3));
    let sentence = STORY[0][0].strip_prefix("LONDON, April 17 (Reuters) - ");
    assert_eq!(Some(passage.as_str()), sentence);
}

#[test]
fn a_passage_that_steps_over_a_short_sentence_takes_it_along_as_one_move() {
    // Two sentences and "Hunt said." between them move as one block: the
    // short sentence goes with them, not cut and added, and the move is not
    // split in two around it.
    let left = "Prices rose by 3.2 percent in March, the statistics office said on Wednesday morning.\n\n\
                The government's plan is working for families and for businesses across the country. Hunt said. \
                He added that families would soon feel the benefit in their pockets this year.\n\n\
                Investors now expect the first cut in interest rates in August rather than in June after the data were published, while sterling fell by a quarter of a cent against the dollar and gilt yields dropped sharply in early trading in London.";
    let right = "Prices rose by 3.2 percent in March, the statistics office said on Wednesday morning.\n\n\
                 Investors now expect the first cut in interest rates in August rather than in June after the data were published, while sterling fell by a quarter of a cent against the dollar and gilt yields dropped sharply in early trading in London.\n\n\
                 The government's plan is working for families and for businesses across the country. Hunt said. \
                 He added that families would soon feel the benefit in their pockets this year.";
    let passage = one_move(left, right);
    assert!(passage.contains("Hunt said."), "{passage}");
    let result = run(left, right);
    // only the paragraph break at the end of the text moves with it
    for o in &result.ops {
        if matches!(o.kind, OpKind::Insert | OpKind::Delete) {
            let (l, r) = (slice(left, &o.left), slice(right, &o.right));
            assert!(l.trim().is_empty() && r.trim().is_empty(), "{o:?}");
        }
    }
}

#[test]
fn a_long_paragraph_pushed_down_past_reordered_short_ones_is_the_move_not_them() {
    // The desk pushed the long second paragraph to the end and swapped the
    // next two: two moves (the long paragraph and one of the swapped), not
    // the three short paragraphs it stepped over, each a move of its own.
    let lede = "Workers heckled President Alexander Lukashenko on Monday as strikes spread.";
    let long = "On the ninth straight day of mass protests over the official results of the presidential election, Lukashenko flew by helicopter to a factory in the capital to rally support, but he was met by angry workers.";
    let b = "Miners at the huge potash factory in Soligorsk also joined the strike.";
    let c = "Police detained seven thousand protesters in the first days of unrest.";
    let d = "The opposition candidate left the country for neighbouring Lithuania.";
    let left = [lede, long, b, c, d].join("\n\n");
    let right = [lede, c, b, d, long].join("\n\n");
    let result = run(&left, &right);
    let mut passages: Vec<String> = result
        .moves
        .iter()
        .map(|m| slice(&left, &m.left).trim().to_string())
        .collect();
    passages.sort();
    assert_eq!(passages.len(), 2, "{passages:#?}");
    assert!(passages.contains(&long.to_string()), "{passages:#?}");
}

#[test]
fn an_unchanged_story_has_no_move() {
    let result = run(&text(&story()), &text(&story()));
    assert!(result.moves.is_empty());
}

#[test]
fn the_ap_sample_with_its_potash_paragraph_moved_down_is_one_move() {
    let ap = sample("001");
    let paragraph =
        "Miners at the huge potash factory in Soligorsk also said they were joining the strike.";
    let start = ap.find(paragraph).unwrap();
    let end = start + ap[start..].find("\n\n").unwrap() + 2;
    let anchor = "The workers want Lukashenko";
    let mut moved = ap.replacen(&ap[start..end], "", 1);
    let at = moved.find(anchor).unwrap();
    moved.insert_str(at, &ap[start..end]);
    assert_eq!(one_move(&ap, &moved), ap[start..end].trim());
}

#[test]
fn kompas_with_one_line_moved_against_ap_adds_one_move_or_two_not_three() {
    // Kompas reorders AP's lede; a line moved in among it breaks the lede's
    // merged block into pairs that cross, which costs one move more (the
    // earlier backbone made it three: the crossed pairs on either side).
    let (ap, kompas) = (sample("001"), sample("000"));
    assert!(run(&ap, &kompas).moves.is_empty());
    let line = "Lukashenko said the country could have a new presidential election";
    let start = kompas.find(line).unwrap();
    let end = start + kompas[start..].find('\n').unwrap() + 1;
    let mut moved = kompas.replacen(&kompas[start..end], "", 1);
    let at = moved
        .find("Alexander Lukashenko flew by helicopter")
        .unwrap();
    moved.insert_str(at, &kompas[start..end]);
    let result = run(&ap, &moved);
    assert!(result.moves.len() <= 2, "{:?}", result.moves);
    assert!(!result.moves.is_empty());
}
