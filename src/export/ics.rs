//! The plan as an iCalendar file (RFC 5545): one all-day event per workout.
//!
//! Each event has `DTSTART;VALUE=DATE` on the workout's day and `DTEND;VALUE=DATE` on the
//! next (the end of an all-day event is exclusive, RFC 5545 section 3.6.1), a UID from
//! [`super::workout_uid`] that survives moves and re-exports, the export time as `DTSTAMP`
//! (UTC), the workout's line of [`super::workout_line`] as the summary (the kind in words,
//! the target pace, the distance: `Tempo 3 km @ 4:38/km · 7 km`), and the description of
//! [`super::workout_description`] (the steps with their target paces; for the goal race its
//! goal time and pace). Text values are escaped (section 3.3.11: backslash, semicolon,
//! comma, newline), lines end in CRLF and are folded at 75 octets without splitting a UTF-8
//! character (section 3.1).
//!
//! ```
//! use chrono::{TimeZone, Utc};
//! use stride::export::ics::{escape_text, fold_line};
//!
//! assert_eq!(escape_text("Hills; 6, easy\\back\nhome"), "Hills\\; 6\\, easy\\\\back\\nhome");
//! let folded = fold_line(&format!("SUMMARY:{}", "é".repeat(60)));
//! assert!(folded.split("\r\n").all(|l| l.len() <= 75));
//! ```

use chrono::{DateTime, Utc};

use super::{athlete_paces, exported_workouts, workout_description, workout_line, workout_uid};
use crate::model::{AthleteDocument, Plan};
use crate::science::conditions::Adjustment;

/// Longest content line, in octets, before it is folded (RFC 5545 section 3.1).
pub const MAX_LINE_OCTETS: usize = 75;

/// Escapes a TEXT value (RFC 5545 section 3.3.11): `\` `;` `,` get a backslash, a line
/// break becomes `\n` (CR LF, a lone CR and LF alike).
pub fn escape_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push_str("\\n");
            }
            '\n' => out.push_str("\\n"),
            // Other control characters are not allowed in TEXT; a space keeps words apart.
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// Folds one content line (without its line end) into physical lines of at most
/// [`MAX_LINE_OCTETS`] octets, each continuation starting with a space, joined by CRLF.
/// A UTF-8 character is never split across lines.
pub fn fold_line(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + line.len() / 70 * 3);
    // Octets used on the current physical line (a continuation starts with its space).
    let mut used = 0;
    for c in line.chars() {
        let width = c.len_utf8();
        if used + width > MAX_LINE_OCTETS {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(c);
        used += width;
    }
    out
}

/// Appends a content line, folded, with its CRLF.
fn push_line(out: &mut String, line: &str) {
    out.push_str(&fold_line(line));
    out.push_str("\r\n");
}

/// The iCalendar text of `plan` (a plan of `doc`, whose profile gives units and paces), with
/// `now` as every event's `DTSTAMP`.
pub fn plan_calendar(doc: &AthleteDocument, plan: &Plan, now: DateTime<Utc>) -> String {
    let units = doc.athlete.units;
    let paces = athlete_paces(doc);
    let stamp = now.format("%Y%m%dT%H%M%SZ").to_string();
    let mut out = String::new();
    push_line(&mut out, "BEGIN:VCALENDAR");
    push_line(&mut out, "VERSION:2.0");
    push_line(&mut out, "PRODID:-//Stride//Running plan//EN");
    push_line(&mut out, "CALSCALE:GREGORIAN");
    push_line(&mut out, "METHOD:PUBLISH");
    push_line(
        &mut out,
        &format!("X-WR-CALNAME:{}", escape_text(&plan.name)),
    );
    for w in exported_workouts(plan) {
        let end = w.date.succ_opt().unwrap_or(w.date);
        let adjustment = Adjustment::for_workout(w, &doc.athlete);
        let paces = paces.as_ref().map(|p| adjustment.paces(p));
        let mut description = workout_description(plan, w, paces.as_ref(), units);
        if let Some(how) = adjustment.describe() {
            description.push_str(&format!("\nPaces adjusted for {how}."));
        }
        push_line(&mut out, "BEGIN:VEVENT");
        push_line(&mut out, &format!("UID:{}", workout_uid(plan, w.id)));
        push_line(&mut out, &format!("DTSTAMP:{stamp}"));
        push_line(
            &mut out,
            &format!("DTSTART;VALUE=DATE:{}", w.date.format("%Y%m%d")),
        );
        push_line(
            &mut out,
            &format!("DTEND;VALUE=DATE:{}", end.format("%Y%m%d")),
        );
        push_line(
            &mut out,
            &format!(
                "SUMMARY:{}",
                escape_text(&workout_line(w, paces.as_ref(), units).to_string())
            ),
        );
        push_line(
            &mut out,
            &format!("DESCRIPTION:{}", escape_text(&description)),
        );
        push_line(
            &mut out,
            &format!("CATEGORIES:{}", escape_text(&w.kind.label())),
        );
        // A workout does not make the day busy for meeting planners.
        push_line(&mut out, "TRANSP:TRANSPARENT");
        push_line(&mut out, "END:VEVENT");
    }
    push_line(&mut out, "END:VCALENDAR");
    out
}
