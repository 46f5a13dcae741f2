//! The credit check: the wire's credits in the source, and whether the
//! outlet kept, removed or replaced them, for each agency the engine knows.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{assert_lossless, sample};
use wirediff::{Agency, Comparison, CreditStatus, Options, Span, compare};

fn run(left: &str, right: &str) -> Comparison {
    let r = compare(left, right, &Options::default()).unwrap();
    assert_lossless(left, right, &r);
    for c in &r.credits {
        let within =
            |s: Option<Span>, len: usize| s.is_none_or(|s| s.start < s.end && s.end <= len);
        assert!(
            within(c.left, r.left_length) && within(c.right, r.right_length),
            "{c:?}"
        );
        match c.status {
            CreditStatus::Kept | CreditStatus::Replaced => {
                assert!(c.left.is_some() && c.right.is_some())
            }
            CreditStatus::Removed => assert!(c.left.is_some() && c.right.is_none()),
            CreditStatus::Added => assert!(c.left.is_none() && c.right.is_some()),
        }
    }
    r
}

fn slice(text: &str, span: Option<Span>) -> String {
    let Some(span) = span else {
        return String::new();
    };
    let units: Vec<u16> = text.encode_utf16().collect();
    String::from_utf16(&units[span.start..span.end]).unwrap()
}

/// (agency, status, left credit, right credit) of every credit.
fn credits(left: &str, right: &str) -> Vec<(Agency, CreditStatus, String, String)> {
    run(left, right)
        .credits
        .iter()
        .map(|c| {
            (
                c.agency,
                c.status,
                slice(left, c.left),
                slice(right, c.right),
            )
        })
        .collect()
}

fn credit(
    agency: Agency,
    status: CreditStatus,
    left: &str,
    right: &str,
) -> (Agency, CreditStatus, String, String) {
    (agency, status, left.into(), right.into())
}

const BODY: &str = "Workers heckled the president on Monday as strikes grew across the country.\n\nThe protests entered their ninth day, with thousands marching in the capital.\n";

#[test]
fn the_sample_outlet_replaced_the_ap_dateline_and_dropped_the_closing_credit() {
    let (ap, kompas) = (sample("001"), sample("000"));
    assert_eq!(
        credits(&ap, &kompas),
        [
            credit(
                Agency::Ap,
                CreditStatus::Replaced,
                "(AP)",
                "MINSK, KOMPAS.com -"
            ),
            credit(Agency::Ap, CreditStatus::Removed, "(AP)", ""),
        ]
    );
    // The AP text itself keeps both.
    let same = credits(&ap, &ap);
    assert_eq!(same.len(), 2);
    assert!(same.iter().all(|c| c.1 == CreditStatus::Kept));
}

#[test]
fn a_dateline_credit_kept_removed_or_replaced() {
    for (dateline, agency, credit_text) in [
        ("MINSK, Belarus (AP) — ", Agency::Ap, "(AP)"),
        (
            "LONDON, April 17 (Reuters) - ",
            Agency::Reuters,
            "(Reuters)",
        ),
        ("PARIS (AFP) - ", Agency::Afp, "(AFP)"),
        ("BERLIN (dpa) - ", Agency::Dpa, "(dpa)"),
        ("MADRID (EFE) - ", Agency::Efe, "(EFE)"),
        ("ROME (ANSA) - ", Agency::Ansa, "(ANSA)"),
        ("BEIJING, Aug. 17 (Xinhua) -- ", Agency::Xinhua, "(Xinhua)"),
        ("TOKYO (Kyodo) - ", Agency::Kyodo, "(Kyodo)"),
        ("JAKARTA (ANTARA) - ", Agency::Antara, "(ANTARA)"),
        ("SEOUL (Yonhap) -- ", Agency::Yonhap, "(Yonhap)"),
    ] {
        let wire = format!("{dateline}{BODY}");
        assert_eq!(
            credits(&wire, &wire),
            [credit(agency, CreditStatus::Kept, credit_text, credit_text)],
            "{dateline}"
        );
        assert_eq!(
            credits(&wire, BODY),
            [credit(agency, CreditStatus::Removed, credit_text, "")],
            "{dateline}"
        );
        let outlet = format!("JAKARTA, KOMPAS.com - {BODY}");
        assert_eq!(
            credits(&wire, &outlet),
            [credit(
                agency,
                CreditStatus::Replaced,
                credit_text,
                "JAKARTA, KOMPAS.com -"
            )],
            "{dateline}"
        );
    }
}

#[test]
fn credit_lines_photo_credits_and_sign_offs_are_credits() {
    for (line, agency, credit_text) in [
        (
            "The Associated Press contributed to this report.",
            Agency::Ap,
            "The Associated Press contributed to this report.",
        ),
        (
            "Reuters contributed reporting.",
            Agency::Reuters,
            "Reuters contributed reporting.",
        ),
        (
            "He spoke to reporters. — Reuters",
            Agency::Reuters,
            "— Reuters",
        ),
        (
            "The minister spoke in Paris. -- Agence France-Presse",
            Agency::Afp,
            "-- Agence France-Presse",
        ),
        (
            "Protesters gather in Minsk. (AP Photo/Sergei Grits)",
            Agency::Ap,
            "(AP Photo/Sergei Grits)",
        ),
        ("Protesters gather in Minsk. Kompas/AP", Agency::Ap, "AP"),
        (
            "Protesters gather in Minsk. REUTERS/Vasily Fedosenko",
            Agency::Reuters,
            "REUTERS",
        ),
        (
            "Warga berkumpul di Jakarta. ANTARA FOTO/Galih Pradipta",
            Agency::Antara,
            "ANTARA",
        ),
        (
            "Los manifestantes marcharon en Madrid. EFE",
            Agency::Efe,
            "EFE",
        ),
        ("I manifestanti a Roma. (ANSA).", Agency::Ansa, "(ANSA)"),
        ("Die Demonstranten in Berlin. (dpa)", Agency::Dpa, "(dpa)"),
    ] {
        let wire = format!("{BODY}\n{line}\n");
        assert_eq!(
            credits(&wire, &wire),
            [credit(agency, CreditStatus::Kept, credit_text, credit_text)],
            "{line}"
        );
        assert_eq!(
            credits(&wire, BODY),
            [credit(agency, CreditStatus::Removed, credit_text, "")],
            "{line}"
        );
    }
}

#[test]
fn a_mention_of_an_agency_is_no_credit() {
    let text = "Lukashenko told The Associated Press that AFP and Reuters were wrong.\n\nXinhua reported the talks.\n";
    assert_eq!(credits(text, text), []);
    assert_eq!(credits("APEC met in Lima.", "APEC met in Lima."), []);
}

#[test]
fn a_credit_the_outlet_adds_is_added() {
    let outlet = format!("PARIS (AFP) - {BODY}");
    assert_eq!(
        credits(BODY, &outlet),
        [credit(Agency::Afp, CreditStatus::Added, "", "(AFP)")]
    );
    // Crediting another agency than the wire's: the wire's is removed, the
    // other added.
    let wire = format!("MINSK, Belarus (AP) — {BODY}");
    let outlet = format!("MINSK (Reuters) - {BODY}");
    assert_eq!(
        credits(&wire, &outlet),
        [
            credit(Agency::Ap, CreditStatus::Removed, "(AP)", ""),
            credit(Agency::Reuters, CreditStatus::Added, "", "(Reuters)"),
        ]
    );
}

#[test]
fn a_dateline_credit_moved_to_a_sign_off_is_kept() {
    let wire = format!("LONDON, April 17 (Reuters) - {BODY}");
    let outlet = format!("{BODY}\n— Reuters\n");
    assert_eq!(
        credits(&wire, &outlet),
        [credit(
            Agency::Reuters,
            CreditStatus::Kept,
            "(Reuters)",
            "— Reuters"
        )]
    );
}

#[test]
fn a_long_line_full_of_agency_names_is_read_whole() {
    // One line, no breaks: each name is looked at near itself only.
    let wire = format!("{} (AP)", "AP said so and Reuters said so. ".repeat(5_000));
    let outlet = "AP said so and Reuters said so. ".repeat(5_000);
    let found = credits(&wire, &outlet);
    assert_eq!(
        found,
        [credit(Agency::Ap, CreditStatus::Removed, "(AP)", "")]
    );
}
