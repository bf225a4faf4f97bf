//! The printed plan's pages: all the weeks of a 20-week plan on the first landscape page,
//! A4 or Letter, and the chart on the second.
//!
//! Two checks. The first always runs: the page's rules and structure (one table with every
//! week, the key above it, the chart after it on a page of its own), and a count of lines
//! cruder than the page's own estimate, at the type size the page chose. The second prints
//! the page to PDF with headless Chromium, as CI does after installing Debian's `chromium`,
//! and counts pages: the whole page, the weeks alone and the chart alone. Without a
//! `chromium` on the PATH it says so and passes.

use std::path::Path;
use std::process::Command;

use chrono::{NaiveDate, Weekday};
use stride::export::html::printable_plan;
use stride::generator::CrossTrainingPreference;
use stride::model::{Athlete, AthleteDocument, ExperienceLevel, GoalRace};

mod generated;
use generated::generated_document;

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("date")
}

/// A day inside the 20-week plan, outlined as today.
fn today() -> NaiveDate {
    date(2027, 2, 10)
}

/// An advanced runner's 20-week marathon plan on seven days with a bike ride, with a goal
/// time: a busy plan.
fn twenty_weeks() -> AthleteDocument {
    let mut athlete = Athlete::example();
    athlete.name = "Alex".to_owned();
    athlete.level = ExperienceLevel::Advanced;
    athlete.training_age_years = 8;
    athlete.weekly_volume_km = 70.0;
    athlete.vdot = Some(55.0);
    athlete.long_run_day = Weekday::Sun;
    let goal = GoalRace {
        name: "Lakeside Marathon".to_owned(),
        distance_m: 42_195.0,
        date: date(2027, 5, 16),
        goal_time_s: Some(3.0 * 3600.0),
    };
    generated_document(
        athlete,
        goal,
        date(2026, 12, 28),
        CrossTrainingPreference::Bike,
    )
}

/// The printable pages of the 20-week plan and of the demo athlete.
fn pages() -> Vec<(&'static str, String)> {
    let twenty = twenty_weeks();
    let demo_today = date(2026, 11, 29);
    let demo = stride::storage::demo_document(demo_today).expect("demo");
    vec![
        (
            "20 weeks",
            printable_plan(&twenty, twenty.active_plan().expect("plan"), today()),
        ),
        (
            "demo",
            printable_plan(&demo, demo.active_plan().expect("plan"), demo_today),
        ),
    ]
}

// ---------------------------------------------------------------------------------------
// The page's rules and structure, and a crude count of its lines.

/// The print type size of the weeks, points.
fn table_type_pt(html: &str) -> f64 {
    html.split("table.weeks { font-size: ")
        .nth(1)
        .and_then(|rest| rest.split("pt").next())
        .and_then(|pt| pt.parse().ok())
        .expect("the weeks' print type size")
}

/// Characters a reader sees in a piece of HTML: tags left out, the page's entities as the
/// characters they stand for.
fn visible(html: &str) -> usize {
    let text: String = html
        .split('<')
        .map(|part| part.split_once('>').map_or(part, |(_, after)| after))
        .collect();
    [
        "&middot;", "&nbsp;", "&amp;", "&lt;", "&gt;", "&quot;", "&#39;",
    ]
    .iter()
    .fold(text, |t, entity| t.replace(entity, "_"))
    .chars()
    .count()
}

#[test]
fn the_page_sets_a_landscape_print_with_every_week_in_one_table_and_the_chart_after() {
    for (name, html) in pages() {
        // Landscape, of whatever paper the printer has; the chart starts a page.
        assert!(
            html.contains("@page { size: landscape; margin: 8mm; }"),
            "{name}"
        );
        let rule = |selector: &str| {
            html.lines()
                .find(|l| l.trim_start().starts_with(selector))
                .unwrap_or_else(|| panic!("{name}: no rule for {selector}"))
                .to_owned()
        };
        assert!(rule("figure.chart { break-before: page").contains("break-inside: avoid"));
        assert!(rule("tr {").contains("break-inside: avoid"));
        // What would make rows taller does not wrap.
        for selector in ["td.week small", ".rest {", "span.nw", "div.w span.a"] {
            assert!(rule(selector).contains("white-space: nowrap"), "{selector}");
        }
        assert_eq!(html.matches("<table").count(), 1, "{name}: one table");
        let key = html.find("<p class=\"key\">").expect("key");
        let table = html.find("<table class=\"weeks\">").expect("table");
        let chart = html.find("<figure class=\"chart\">").expect("chart");
        assert!(key < table && table < chart, "{name}: key, weeks, chart");
        assert_eq!(
            html.matches("class=\"day today\"").count(),
            1,
            "{name}: today"
        );
        let pt = table_type_pt(&html);
        assert!((6.0..=8.0).contains(&pt), "{name}: {pt} pt");
    }
    let (_, html) = &pages()[0];
    assert_eq!(html.matches("<td class=\"week\">").count(), 20);
}

/// Height of the weeks' section in print, mm, counted crudely: every character 0.6 em wide,
/// a day's column the table's width less the week and volume columns over seven, each
/// workout's text wrapped into whole lines of 1.2 em, a row as tall as its fullest day or
/// two lines, and a line for each paragraph above and below the table.
fn crude_height_mm(html: &str, width_mm: f64) -> f64 {
    const PT_MM: f64 = 25.4 / 72.0;
    let pt = table_type_pt(html);
    let line_mm = 1.2 * pt * PT_MM;
    let chars_per_line = (width_mm * 0.88 / 7.0 - 2.0) / (0.6 * pt * PT_MM);
    let body = html
        .split("<tbody>")
        .nth(1)
        .and_then(|rest| rest.split("</tbody>").next())
        .expect("tbody");
    let rows: f64 = body
        .split("<tr>")
        .skip(1)
        .map(|row| {
            let fullest = row
                .split("<td class=\"day")
                .skip(1)
                .map(|cell| {
                    cell.split("<div class=\"w ")
                        .skip(1)
                        .map(|w| (visible(w) as f64 / chars_per_line).ceil())
                        .sum::<f64>()
                })
                .fold(2.0, f64::max);
            fullest * line_mm + 1.0
        })
        .sum();
    let paragraphs = html.split("</table>").nth(1).expect("after the table");
    let notes_lines = paragraphs.split("<figure").next().map_or(0.0, |notes| {
        (visible(notes) as f64 * 0.6 * 7.0 * PT_MM / width_mm).ceil()
    });
    // Title, paces, key, the table's header, and the notes.
    (12.0 + 3.0 * 7.0) * 1.2 * PT_MM + line_mm + rows + notes_lines * 7.0 * 1.2 * PT_MM
}

#[test]
fn a_crude_count_of_lines_puts_the_weeks_on_one_page_of_a4_and_of_letter() {
    // Printed area of landscape pages with 8 mm margins: A4 281 x 194 mm, Letter
    // 263.4 x 199.9 mm.
    for (name, html) in pages() {
        for (paper, width_mm, height_mm) in [("A4", 281.0, 194.0), ("Letter", 263.4, 199.9)] {
            let height = crude_height_mm(&html, width_mm);
            assert!(
                height <= height_mm,
                "{name} on {paper}: {height:.0} mm of {height_mm} mm"
            );
        }
    }
}

// ---------------------------------------------------------------------------------------
// Printed by Chromium.

/// The first browser of Debian's names on the PATH.
fn chromium() -> Option<&'static str> {
    ["chromium", "chromium-browser"].into_iter().find(|name| {
        Command::new(name)
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success())
    })
}

/// Prints `html` to a PDF with headless Chromium on `paper` (`A4` or `letter`), landscape,
/// and returns the PDF's bytes.
fn print_to_pdf(browser: &str, html: &str, paper: &str, dir: &Path, name: &str) -> Vec<u8> {
    let page = html.replace(
        "@page { size: landscape;",
        &format!("@page {{ size: {paper} landscape;"),
    );
    assert_ne!(&page, html, "the page size rule was found");
    let input = dir.join(format!("{name}.html"));
    std::fs::write(&input, page).expect("write the page");
    let pdf = dir.join(format!("{name}.pdf"));
    let profile = tempfile::tempdir().expect("profile dir");
    let arg = |flag: &str, path: &Path| format!("{flag}={}", path.display());
    let output = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-pdf-header-footer",
        ])
        .arg(arg("--user-data-dir", profile.path()))
        .arg(arg("--print-to-pdf", &pdf))
        .arg(format!("file://{}", input.display()))
        .output()
        .expect("run chromium");
    assert!(
        output.status.success(),
        "chromium failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    std::fs::read(&pdf).unwrap_or_else(|e| panic!("{}: {e}", pdf.display()))
}

/// Pages in a PDF: its `/Type /Page` objects (not `/Pages`).
fn page_count(pdf: &[u8]) -> usize {
    let text = String::from_utf8_lossy(pdf);
    text.match_indices("/Type")
        .filter(|(at, _)| {
            let rest = text[at + "/Type".len()..].trim_start();
            rest.starts_with("/Page") && !rest.starts_with("/Pages")
        })
        .count()
}

/// The first page's size in points, from its `/MediaBox [0 0 W H]`.
fn media_box(pdf: &[u8]) -> (f64, f64) {
    let text = String::from_utf8_lossy(pdf);
    let numbers: Vec<f64> = text
        .split("/MediaBox [")
        .nth(1)
        .and_then(|rest| rest.split(']').next())
        .expect("a media box")
        .split_whitespace()
        .filter_map(|n| n.parse().ok())
        .collect();
    (numbers[2], numbers[3])
}

#[test]
fn chromium_prints_the_weeks_on_the_first_page_and_the_chart_on_the_second() {
    let Some(browser) = chromium() else {
        eprintln!("skipped: no chromium on the PATH to print the plan with");
        return;
    };
    let dir = tempfile::tempdir().expect("dir");
    // A4 and Letter landscape, points.
    for (paper, size) in [("A4", (842.0, 595.0)), ("letter", (792.0, 612.0))] {
        for (name, html) in pages() {
            let file = format!("{}-{paper}", name.replace(' ', "-"));
            let pdf = print_to_pdf(browser, &html, paper, dir.path(), &file);
            let (w, h) = media_box(&pdf);
            assert!(
                (w - size.0).abs() < 1.0 && (h - size.1).abs() < 1.0,
                "{name} on {paper}: {w} x {h} pt"
            );
            assert_eq!(page_count(&pdf), 2, "{name} on {paper}: two pages");
            // The weeks alone take one page and the chart alone one: with the chart after
            // the weeks, the weeks are the first page and the chart the second.
            let hide = |selector: &str| {
                html.replace(
                    "</style>",
                    &format!("{selector} {{ display: none; }}\n</style>"),
                )
            };
            for (part, page) in [
                ("weeks", hide("figure.chart")),
                ("chart", hide("section.weeks")),
            ] {
                let pdf =
                    print_to_pdf(browser, &page, paper, dir.path(), &format!("{file}-{part}"));
                assert_eq!(page_count(&pdf), 1, "{name} on {paper}: the {part} alone");
            }
        }
    }
}
