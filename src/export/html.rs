//! The plan as one printable HTML page: no scripts, no outside files.
//!
//! The page has the plan's goal and the athlete's training paces, the weeks as a table (week,
//! phase, each day's workouts with title and distance or duration, weekly running volume)
//! and the fitness, fatigue and form chart of [`crate::storage::chart_image`] as inline SVG.
//! Its print style fits a landscape page, repeats the table header on every page and keeps
//! a week on one page.

use chrono::{Days, NaiveDate};

use super::{athlete_paces, distance_text, workout_amount, zone_letter, zone_pace_window};
use crate::model::{AthleteDocument, Intensity, PaceZone, Plan, WorkoutKind, format_pace};
use crate::science::charts::{ChartData, day_x};
use crate::science::load::LoadContext;
use crate::storage::chart_image::{ImageSize, fitness_chart_svg};

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

/// The style sheet: readable on screen, compact and landscape in print.
const STYLE: &str = "\
body { font-family: system-ui, -apple-system, 'Segoe UI', sans-serif; color: #222; margin: 2em; }
h1 { margin: 0 0 0.2em; font-size: 1.6em; }
h2 { font-size: 1.2em; margin: 1.2em 0 0.4em; }
p.meta { margin: 0.2em 0; color: #444; }
table.weeks { border-collapse: collapse; width: 100%; font-size: 0.85em; }
table.weeks th, table.weeks td { border: 1px solid #bbb; padding: 0.3em; vertical-align: top; }
table.weeks th { background: #eee; text-align: left; }
td.week small, td.day small { color: #666; display: block; }
td.volume { white-space: nowrap; text-align: right; }
div.w { margin: 0.15em 0; padding-left: 0.3em; border-left: 4px solid #999; }
div.w span.k { font-weight: bold; margin-right: 0.3em; }
div.w span.a { color: #555; white-space: nowrap; }
div.rest { border-left-color: #ddd; color: #888; }
div.recovery { border-left-color: #8fc9a8; }
div.easy { border-left-color: #4caf50; }
div.moderate { border-left-color: #f0a030; }
div.hard { border-left-color: #e05040; }
div.race { border-left-color: #7b3fbf; font-weight: bold; }
figure.chart { margin: 1em 0; }
figure.chart svg { width: 100%; height: auto; }
@media print {
  @page { size: A4 landscape; margin: 10mm; }
  body { margin: 0; font-size: 9pt; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; page-break-inside: avoid; }
  figure.chart { break-before: page; page-break-before: always; }
}
";

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

/// The training paces line: `E 5:15-6:29/km, M 4:52/km, ...`.
fn paces_line(doc: &AthleteDocument) -> Option<String> {
    let paces = athlete_paces(doc)?;
    let units = doc.athlete.units;
    let (fast, slow) = zone_pace_window(&paces, PaceZone::E);
    let easy = format!(
        "E {}-{}",
        crate::model::format_duration(fast * units.metres_per_unit() / 1000.0),
        format_pace(slow, units)
    );
    let others = [PaceZone::M, PaceZone::T, PaceZone::I, PaceZone::R]
        .into_iter()
        .map(|z| {
            format!(
                "{} {}",
                zone_letter(z),
                format_pace(paces.zone_s_per_km(z), units)
            )
        });
    Some(
        std::iter::once(easy)
            .chain(others)
            .collect::<Vec<_>>()
            .join(", "),
    )
}

/// The chart as inline SVG, or a sentence saying why there is none.
fn chart_html(doc: &AthleteDocument, plan: &Plan, today: NaiveDate) -> String {
    let data = ChartData::from_document(doc, today);
    let range = (day_x(plan.start_date) - 14.0, day_x(plan.end_date()) + 3.0);
    let size = ImageSize {
        width: 1100,
        height: 460,
    };
    match fitness_chart_svg(&data, range, size) {
        Ok(svg) => svg,
        Err(e) => format!("<p>{}</p>", escape_html(&e.to_string())),
    }
}

/// The printable page of `plan` (a plan of `doc`); `today` separates history from plan in
/// the chart.
pub fn printable_plan(doc: &AthleteDocument, plan: &Plan, today: NaiveDate) -> String {
    let units = doc.athlete.units;
    let context = LoadContext::new(&doc.athlete, &doc.settings);
    let week_start = doc.athlete.week_start;
    let mut html = String::new();
    let title = escape_html(&plan.name);
    html.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    html.push_str(&format!(
        "<title>{title}</title>\n<style>\n{STYLE}</style>\n"
    ));
    html.push_str("</head>\n<body>\n");
    html.push_str(&format!("<h1>{title}</h1>\n"));
    let goal_name = if plan.goal.name.trim().is_empty() {
        "Goal race".to_owned()
    } else {
        plan.goal.name.clone()
    };
    let mut goal = format!(
        "{}: {} on {}",
        goal_name,
        distance_text(plan.goal.distance_m, units),
        plan.goal.date.format("%A %-d %B %Y")
    );
    if let Some(t) = plan.goal.goal_time_s {
        goal.push_str(&format!(", goal time {}", crate::model::format_duration(t)));
    }
    html.push_str(&format!(
        "<p class=\"meta\">{} &middot; {}</p>\n",
        escape_html(&doc.athlete.name),
        escape_html(&goal)
    ));
    if let Some(line) = paces_line(doc) {
        html.push_str(&format!(
            "<p class=\"meta\">Training paces: {}</p>\n",
            escape_html(&line)
        ));
    }

    html.push_str("<table class=\"weeks\">\n<thead>\n<tr><th>Week</th><th>Phase</th>");
    for day in week_start.weekdays() {
        html.push_str(&format!("<th>{day}</th>"));
    }
    html.push_str("<th>Volume</th></tr>\n</thead>\n<tbody>\n");
    let first = week_start.week_of(plan.start_date);
    let last = plan.end_date();
    let mut start = first;
    let mut number = 1;
    while start <= last {
        let end = start + Days::new(6);
        let phases: Vec<&str> = plan
            .phases
            .iter()
            .filter(|p| p.start <= end && start <= p.end)
            .map(|p| p.kind.label())
            .collect();
        html.push_str(&format!(
            "<tr>\n<td class=\"week\">{number}<small>{} - {}</small></td>\n<td>{}</td>\n",
            start.format("%-d %b"),
            end.format("%-d %b"),
            phases.join(" / ")
        ));
        let mut volume_m = 0.0;
        for offset in 0..7 {
            let day = start + Days::new(offset);
            html.push_str(&format!(
                "<td class=\"day\"><small>{}</small>",
                day.format("%-d %b")
            ));
            let mut workouts: Vec<_> = plan.workouts_on(day).collect();
            workouts.sort_by_key(|w| w.id);
            for w in workouts {
                if w.kind.is_running() {
                    // The distance shown for the day, else the estimate from its steps.
                    volume_m += w
                        .planned_distance_m
                        .unwrap_or_else(|| context.running_split(w).1);
                }
                let intensity = w.intensity();
                let amount = match w.kind {
                    WorkoutKind::Rest => None,
                    _ => workout_amount(w, units),
                };
                html.push_str(&format!(
                    "<div class=\"w {}\"><span class=\"k\">{}</span>{}",
                    intensity_class(intensity),
                    escape_html(&intensity.letter().to_string()),
                    escape_html(&w.display_title())
                ));
                if let Some(a) = amount {
                    html.push_str(&format!(" <span class=\"a\">{}</span>", escape_html(&a)));
                }
                html.push_str("</div>");
            }
            html.push_str("</td>\n");
        }
        let volume = if volume_m > 0.0 {
            distance_text(volume_m, units)
        } else {
            "-".to_owned()
        };
        html.push_str(&format!("<td class=\"volume\">{volume}</td>\n</tr>\n"));
        start = start + Days::new(7);
        number += 1;
    }
    html.push_str("</tbody>\n</table>\n");
    html.push_str(
        "<p class=\"meta\">Letters: - rest, R recovery, E easy, M moderate, H hard, ! race. \
         Volume is the week's planned running.</p>\n",
    );

    html.push_str("<figure class=\"chart\">\n<h2>Fitness, fatigue and form</h2>\n");
    html.push_str(&chart_html(doc, plan, today));
    html.push_str(
        "<figcaption>History solid, plan dashed; the shaded bands are the form zones.\
         </figcaption>\n</figure>\n",
    );
    html.push_str("</body>\n</html>\n");
    html
}
