//! The plan as a printable HTML page: no scripts, no outside files.
//!
//! The first printed page holds the whole plan: the goal (with its goal time and pace), the
//! athlete's training paces in words, a key, and the weeks as one table (week, phase and
//! dates, each day's workouts as the lines of [`super::workout_line`] with a box to tick,
//! the week's running in whole kilometres), today outlined, and the workouts' notes as
//! numbered footnotes. The fitness, fatigue and form chart of
//! [`crate::storage::chart_image`] follows as inline SVG on a page of its own.
//!
//! The print style sets a landscape page that the printer's paper decides (A4 or Letter),
//! compact rows, and for the weeks the largest type (8 pt down to 6 pt) at which an
//! estimate of the table's height ([`fit`]) fits the page, so the weeks of a plan of up to
//! 20 weeks print on one page; a longer plan breaks between weeks and repeats the table's
//! header. Nothing that would make a row taller wraps when it need not: week ranges, rest
//! days, a number and its unit, and a pace stay on one line.

use chrono::{Datelike, Days, NaiveDate};

use super::{
    WorkoutLine, athlete_paces, distance_text, goal_race_of, goal_text, paces_text, volume_text,
    workout_line,
};
use crate::model::{AthleteDocument, Intensity, Plan, Workout, WorkoutKind};
use crate::science::charts::{ChartData, day_x};
use crate::science::load::LoadContext;
use crate::storage::chart_image::{ImageSize, fitness_chart_svg};

mod fit;

use fit::{Block, Piece};

/// Escapes text for HTML content and attribute values; control characters become spaces.
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // Control characters are not allowed in HTML text; a space keeps words apart.
            c if c.is_control() && c != '\n' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// The style sheet: readable on screen; in print, a landscape page with the weeks in small
/// type on the first page and the chart on the next.
const STYLE: &str = "\
body { font-family: system-ui, -apple-system, 'Segoe UI', Helvetica, Arial, sans-serif; color: #222; margin: 2em; }
* { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
h1 { display: inline; margin: 0 0.5em 0 0; font-size: 1.5em; }
h1 + p.meta { display: inline; }
p.meta, p.key, p.notes { margin: 0.15em 0; color: #333; }
p.key span.sw { white-space: nowrap; margin-right: 0.3em; }
table.weeks { border-collapse: collapse; width: 100%; table-layout: fixed; margin-top: 0.3em; }
table.weeks th, table.weeks td { border: 1px solid #bbb; padding: 0.1em 0.25em; vertical-align: top; overflow-wrap: anywhere; }
table.weeks th { background: #eee; text-align: left; white-space: nowrap; overflow: hidden; }
td.week small, td.week b { white-space: nowrap; }
td.week small { display: block; color: #555; }
td.today { outline: 2px solid #222; outline-offset: -2px; background: #fff8d6; }
small.today { float: right; font-weight: bold; margin-left: 0.3em; }
span.nw { white-space: nowrap; }
sup { line-height: 0; }
td.volume { white-space: nowrap; text-align: right; }
.w, .sw { padding-left: 0.3em; border-left: 3px solid #999; }
div.w { margin: 0.05em 0; line-height: 1.15; }
div.w span.a { white-space: nowrap; color: #444; }
div.goal { font-weight: normal; white-space: nowrap; }
span.tick { display: inline-block; width: 0.7em; height: 0.7em; border: 1px solid #333; border-radius: 1px; margin-right: 0.3em; vertical-align: -0.05em; background: #fff; }
.rest { border-left-color: #bbb; color: #777; white-space: nowrap; }
.rest b { font-weight: normal; }
.recovery { border-left-color: #78c8be; }
.easy { border-left-color: #6eaae6; }
.moderate { border-left-color: #f0b950; }
.hard { border-left-color: #e65f55; }
.race { border-left-color: #aa6edc; font-weight: bold; }
.cross { border-left-style: dotted; border-left-color: #5a7d2a; }
figure.chart { margin: 1.5em 0 0; }
figure.chart svg { display: block; width: 100%; height: auto; }
figcaption { color: #444; margin-top: 0.3em; }
@media print {
  body { margin: 0; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; page-break-inside: avoid; }
  figure.chart { break-before: page; page-break-before: always; break-inside: avoid; margin: 0; }
  figure.chart svg { max-height: 180mm; }
}
";

/// The intensity classes in the order the key lists them.
const KEY: [Intensity; 6] = [
    Intensity::Rest,
    Intensity::Recovery,
    Intensity::Easy,
    Intensity::Moderate,
    Intensity::Hard,
    Intensity::Race,
];

fn intensity_class(intensity: Intensity) -> &'static str {
    match intensity {
        Intensity::Rest => "rest",
        Intensity::Recovery => "recovery",
        Intensity::Easy => "easy",
        Intensity::Moderate => "moderate",
        Intensity::Hard => "hard",
        Intensity::Race => "race",
    }
}

/// The class of a workout's mark: its intensity, or `cross` for another sport, so a bike
/// ride never looks like a run.
fn workout_class(w: &Workout) -> &'static str {
    match w.kind {
        WorkoutKind::CrossTraining { .. } => "cross",
        _ => intensity_class(w.intensity()),
    }
}

/// The key: what the marks, the box and the outline mean.
fn key_html() -> String {
    let mut html = String::from("<p class=\"key\">");
    for intensity in KEY {
        html.push_str(&format!(
            "<span class=\"sw {}\">{}</span> ",
            intensity_class(intensity),
            intensity.label()
        ));
    }
    html.push_str(
        "<span class=\"sw cross\">Other sport</span> &middot; \
         <span class=\"tick\"></span>tick when done &middot; @ target pace &middot; \
         today outlined &middot; Volume: the week's planned running</p>\n",
    );
    html
}

/// A week's dates, short, on one line: `1–7 Mar`, `26 Oct–1 Nov`.
fn week_range(start: NaiveDate, end: NaiveDate) -> String {
    if start.month() == end.month() {
        format!("{}–{}", start.day(), end.format("%-d %b"))
    } else {
        format!("{}–{}", start.format("%-d %b"), end.format("%-d %b"))
    }
}

/// Units and signs that stay on the line of the number before them when a cell wraps.
const UNITS: [&str; 9] = ["km", "m", "mi", "s", "min", "h", "bpm", "x", "times"];

/// The groups of words a line never splits: a number with its unit (`60 s`, `9.3 km`), a
/// repeat with its count (`10 x 60 s`), `@` with its pace (`@ 4:59-5:05/km`).
fn groups(text: &str) -> Vec<Vec<&str>> {
    let mut groups: Vec<Vec<&str>> = Vec::new();
    for token in text.split(' ') {
        let unit = token.trim_end_matches(|c: char| c.is_ascii_punctuation());
        let glued = groups.last().and_then(|g| g.last()).is_some_and(|before| {
            (before.ends_with(|c: char| c.is_ascii_digit()) && UNITS.contains(&unit))
                || ((*before == "x" || *before == "@")
                    && token.starts_with(|c: char| c.is_ascii_digit()))
        });
        match groups.last_mut() {
            Some(group) if glued => group.push(token),
            _ => groups.push(vec![token]),
        }
    }
    groups
}

/// Escaped text that a narrow cell wraps between the [`groups`], never inside one (nor at
/// the hyphen of a pace range).
fn unbroken(text: &str) -> String {
    groups(text)
        .iter()
        .map(|group| {
            let text = escape_html(&group.join(" "));
            if group.len() > 1 || text.contains('-') {
                format!("<span class=\"nw\">{text}</span>")
            } else {
                text
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// A workout's line as the page's height estimate sees it.
fn workout_block(line: &WorkoutLine, w: &Workout, note: Option<usize>, goal: bool) -> Block {
    let mut pieces = Vec::new();
    if w.kind != WorkoutKind::Rest {
        pieces.push(Piece::Tick);
    }
    pieces.extend(
        line.word
            .split(' ')
            .map(|word| Piece::Text(fit::text_em(word, true))),
    );
    for group in groups(&line.detail) {
        let text = group.join(" ");
        let em = fit::text_em(&text, false);
        // Signs after the kind (`Bike:`, `Long run,`) follow it without a space.
        pieces.push(if text.chars().all(|c| c.is_ascii_punctuation()) {
            Piece::Joined(em)
        } else {
            Piece::Text(em)
        });
    }
    // The amount and the note's number stay together; a number in superscript is small.
    let note = note.map_or(0.0, |n| 0.7 * fit::text_em(&n.to_string(), false));
    match &line.amount {
        Some(amount) => pieces.push(Piece::Text(
            fit::text_em(&format!("· {amount}"), false) + note,
        )),
        None if note > 0.0 => pieces.push(Piece::Joined(note)),
        None => {}
    }
    Block {
        pieces,
        extra_lines: usize::from(goal),
    }
}

/// Characters a reader sees in a piece of this page's HTML: tags left out, an entity one.
fn visible_chars(html: &str) -> usize {
    let mut count = 0;
    let (mut in_tag, mut in_entity) = (false, false);
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            _ if in_tag => {}
            '&' => in_entity = true,
            ';' if in_entity => {
                in_entity = false;
                count += 1;
            }
            _ if in_entity => {}
            '\n' => {}
            _ => count += 1,
        }
    }
    count
}

/// One workout in its cell: the box to tick, the kind in bold, the rest of the line, the
/// note's number and, for the goal race, the goal.
fn workout_html(
    line: &WorkoutLine,
    w: &Workout,
    note: Option<usize>,
    goal: Option<&str>,
) -> String {
    let mut html = format!("<div class=\"w {}\">", workout_class(w));
    if w.kind != WorkoutKind::Rest {
        html.push_str("<span class=\"tick\"></span>");
    }
    html.push_str(&format!(
        "<b>{}</b>{}",
        escape_html(&line.word),
        unbroken(&line.detail)
    ));
    // The note's number stays with the last word before it.
    let note = note.map_or_else(String::new, |n| format!("<sup>{n}</sup>"));
    match &line.amount {
        Some(amount) => html.push_str(&format!(
            " <span class=\"a\">&middot; {}{note}</span>",
            escape_html(amount)
        )),
        None => html.push_str(&note),
    }
    if let Some(goal) = goal {
        html.push_str(&format!("<div class=\"goal\">{}</div>", escape_html(goal)));
    }
    html.push_str("</div>");
    html
}

/// The chart as inline SVG, or a sentence saying why there is none.
fn chart_html(doc: &AthleteDocument, plan: &Plan, today: NaiveDate) -> String {
    let data = ChartData::from_document(doc, today);
    let range = (day_x(plan.start_date) - 14.0, day_x(plan.end_date()) + 3.0);
    let size = ImageSize {
        width: 1100,
        height: 680,
    };
    match fitness_chart_svg(&data, range, size) {
        Ok(svg) => svg,
        Err(e) => format!("<p>{}</p>", escape_html(&e.to_string())),
    }
}

/// The page's heading: the plan, the athlete and goal, the paces and the key; and its
/// height in print, mm.
fn heading_html(doc: &AthleteDocument, plan: &Plan) -> (String, f64) {
    let units = doc.athlete.units;
    let title = format!("<h1>{}</h1>\n", escape_html(&plan.name));
    let goal_name = if plan.goal.name.trim().is_empty() {
        "Goal race"
    } else {
        plan.goal.name.trim()
    };
    let mut goal = format!(
        "{}: {} on {}",
        goal_name,
        distance_text(plan.goal.distance_m, units),
        plan.goal.date.format("%A %-d %B %Y")
    );
    if let Some(text) = goal_text(&plan.goal, units) {
        goal.push_str(" · ");
        goal.push_str(&text);
    }
    let mut paragraphs = vec![format!(
        "<p class=\"meta\">{} &middot; {}</p>\n",
        escape_html(&doc.athlete.name),
        escape_html(&goal)
    )];
    if let Some(paces) = athlete_paces(doc) {
        paragraphs.push(format!(
            "<p class=\"meta\">Training paces: {}</p>\n",
            escape_html(&paces_text(&paces, units))
        ));
    }
    paragraphs.push(key_html());
    // The title shares its line with the first paragraph: that line is as tall as the
    // title, and the title's wider characters count towards the paragraph's length.
    let title_chars = visible_chars(&title) * (fit::TITLE_PT / fit::BODY_PT).ceil() as usize;
    let mut height_mm = fit::paragraph_mm(1, fit::TITLE_PT) - fit::paragraph_mm(1, fit::BODY_PT);
    for (i, p) in paragraphs.iter().enumerate() {
        let chars = visible_chars(p) + if i == 0 { title_chars } else { 0 };
        height_mm += fit::paragraph_mm(chars, fit::BODY_PT);
    }
    (title + &paragraphs.concat(), height_mm)
}

/// The printable page of `plan` (a plan of `doc`); `today` is outlined in the weeks and
/// separates history from plan in the chart.
pub fn printable_plan(doc: &AthleteDocument, plan: &Plan, today: NaiveDate) -> String {
    let units = doc.athlete.units;
    let paces = athlete_paces(doc);
    let context = LoadContext::new(&doc.athlete, &doc.settings);
    let week_start = doc.athlete.week_start;
    let (heading, heading_mm) = heading_html(doc, plan);

    let mut table = format!(
        "<table class=\"weeks\">\n<colgroup><col style=\"width: {:.1}%\"><col span=\"7\">\
         <col style=\"width: {:.1}%\"></colgroup>\n<thead>\n<tr><th>Week</th>",
        fit::WEEK_SHARE * 100.0,
        fit::VOLUME_SHARE * 100.0
    );
    for day in week_start.weekdays() {
        table.push_str(&format!("<th>{day}</th>"));
    }
    table.push_str("<th>Volume</th></tr>\n</thead>\n<tbody>\n");
    // Each distinct note once, numbered in order of first use.
    let mut notes: Vec<String> = Vec::new();
    // Each week's days' workouts, for the height estimate.
    let mut weeks: Vec<Vec<Vec<Block>>> = Vec::new();
    let first = week_start.week_of(plan.start_date);
    let last = plan.end_date();
    let mut start = first;
    while start <= last {
        let end = start + Days::new(6);
        let phases: Vec<&str> = plan
            .phases
            .iter()
            .filter(|p| p.start <= end && start <= p.end)
            .map(|p| p.kind.label())
            .collect();
        table.push_str(&format!(
            "<tr>\n<td class=\"week\"><b>{}</b> {}<small>{}</small></td>\n",
            weeks.len() + 1,
            phases.join(" / "),
            week_range(start, end)
        ));
        let mut days = Vec::with_capacity(7);
        let mut volume_m = 0.0;
        for offset in 0..7 {
            let day = start + Days::new(offset);
            // The week's dates are in its first cell; a day's own date would take the room
            // its workouts need.
            if day == today {
                table.push_str("<td class=\"day today\"><small class=\"today\">today</small>");
            } else {
                table.push_str("<td class=\"day\">");
            }
            let mut workouts: Vec<_> = plan.workouts_on(day).collect();
            workouts.sort_by_key(|w| w.id);
            let mut blocks = Vec::with_capacity(workouts.len());
            for w in workouts {
                if w.kind.is_running() {
                    // The distance shown for the day, else the estimate from its steps.
                    volume_m += w
                        .planned_distance_m
                        .unwrap_or_else(|| context.running_split(w).1);
                }
                let note = w.notes.split_whitespace().collect::<Vec<_>>().join(" ");
                let note = (!note.is_empty()).then(|| {
                    notes.iter().position(|n| *n == note).unwrap_or_else(|| {
                        notes.push(note);
                        notes.len() - 1
                    }) + 1
                });
                let goal = goal_race_of(plan, w).and_then(|g| goal_text(g, units));
                let paces = super::workout_paces(&doc.athlete, paces.as_ref(), w);
                let line = workout_line(w, paces.as_ref(), units);
                table.push_str(&workout_html(&line, w, note, goal.as_deref()));
                blocks.push(workout_block(&line, w, note, goal.is_some()));
            }
            days.push(blocks);
            table.push_str("</td>\n");
        }
        let volume = if volume_m > 0.0 {
            volume_text(volume_m, units)
        } else {
            "-".to_owned()
        };
        table.push_str(&format!("<td class=\"volume\">{volume}</td>\n</tr>\n"));
        weeks.push(days);
        start = start + Days::new(7);
    }
    table.push_str("</tbody>\n</table>\n");
    let notes = if notes.is_empty() {
        String::new()
    } else {
        let listed: Vec<String> = notes
            .iter()
            .enumerate()
            .map(|(i, n)| format!("<sup>{}</sup>&nbsp;{}", i + 1, escape_html(n)))
            .collect();
        format!(
            "<p class=\"notes\">Notes: {}</p>\n",
            listed.join(" &middot; ")
        )
    };
    let notes_mm = if notes.is_empty() {
        0.0
    } else {
        fit::paragraph_mm(visible_chars(&notes), fit::BODY_PT)
    };
    let type_pt = fit::type_size_pt(&weeks, heading_mm, notes_mm);

    let mut html = String::new();
    html.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    // The print sizes the height estimate counts on.
    html.push_str(&format!(
        "<title>{}</title>\n<style>\n{STYLE}@page {{ size: landscape; margin: {}mm; }}\n\
         @media print {{ body {{ font-size: {}pt; }} h1 {{ font-size: {}pt; }} \
         table.weeks {{ font-size: {type_pt:.1}pt; }} }}\n</style>\n",
        escape_html(&plan.name),
        fit::MARGIN_MM,
        fit::BODY_PT,
        fit::TITLE_PT
    ));
    html.push_str("</head>\n<body>\n<section class=\"weeks\">\n");
    html.push_str(&heading);
    html.push_str(&table);
    html.push_str(&notes);
    html.push_str("</section>\n");

    html.push_str("<figure class=\"chart\">\n");
    html.push_str(&chart_html(doc, plan, today));
    html.push_str(
        "<figcaption>History solid, plan dashed; the shaded bands are the form zones.\
         </figcaption>\n</figure>\n",
    );
    html.push_str("</body>\n</html>\n");
    html
}
