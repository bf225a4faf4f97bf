//! A plan in words: the texts the printed plan, the calendar file, the watch files and the
//! window's calendar share, so they all say the same thing the same way.
//!
//! A workout reads as one line ([`workout_line`]): the kind in a word, never a letter (a
//! letter would clash with the pace zones' E, M, T, I and R), the title with the target
//! pace written out where the title names a zone, and the distance or duration. Pace zones
//! are named in words too (`threshold pace 4:38/km`), durations in minutes and seconds
//! (`90 s`, never `1:30`), and the goal race carries its goal time and pace
//! ([`goal_text`]).
//!
//! ```
//! use chrono::NaiveDate;
//! use stride::export::workout_line;
//! use stride::model::{PaceZone, Segment, SegmentKind, SegmentLength, Step, Target, Units, Workout, WorkoutId, WorkoutKind};
//! use stride::science::paces::TrainingPaces;
//!
//! let day = NaiveDate::from_ymd_opt(2027, 3, 2).unwrap();
//! let mut tempo = Workout::new(WorkoutId(1), day, WorkoutKind::Tempo);
//! tempo.title = "Tempo 3 km at T".to_owned();
//! tempo.planned_distance_m = Some(7000.0);
//! let paces = TrainingPaces::from_vdot(45.0).unwrap();
//! let line = workout_line(&tempo, Some(&paces), Units::Km);
//! assert_eq!(line.to_string(), "Tempo 3 km @ 4:38/km · 7 km");
//! assert_eq!(line.word, "Tempo");
//! ```

use std::fmt;

use super::zone_pace_window;
use crate::model::{
    GoalRace, PaceZone, Plan, Segment, SegmentKind, SegmentLength, Step, Target, Units, Workout,
    WorkoutKind, format_duration, format_pace,
};
use crate::science::paces::TrainingPaces;

/// A number without trailing zeros after the point, at most `decimals` of them.
pub(crate) fn trimmed(value: f64, decimals: usize) -> String {
    let text = format!("{value:.decimals$}");
    if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_owned()
    } else {
        text
    }
}

/// A distance in the athlete's units, short: `8 km`, `12.5 km`, `400 m`, `3.1 mi`.
///
/// ```
/// use stride::export::distance_text;
/// use stride::model::Units;
/// assert_eq!(distance_text(8000.0, Units::Km), "8 km");
/// assert_eq!(distance_text(400.0, Units::Km), "400 m");
/// assert_eq!(distance_text(21_097.5, Units::Km), "21.1 km");
/// assert_eq!(distance_text(1609.344, Units::Miles), "1 mi");
/// ```
pub fn distance_text(distance_m: f64, units: Units) -> String {
    if units == Units::Km && distance_m < 1000.0 {
        return format!("{distance_m:.0} m");
    }
    format!(
        "{} {}",
        trimmed(distance_m / units.metres_per_unit(), 2),
        units.distance_label()
    )
}

/// A week's total in whole kilometres (or miles), so totals side by side read alike:
/// `47 km`.
///
/// ```
/// use stride::export::volume_text;
/// use stride::model::Units;
/// assert_eq!(volume_text(46_600.0, Units::Km), "47 km");
/// assert_eq!(volume_text(38_500.0, Units::Km), "39 km");
/// ```
pub fn volume_text(distance_m: f64, units: Units) -> String {
    format!(
        "{:.0} {}",
        (distance_m / units.metres_per_unit()).round(),
        units.distance_label()
    )
}

/// A duration in words: `45 min`, `1 h 30 min`, `2 h`; under two minutes in seconds
/// (`90 s`), else minutes and seconds (`2 min 30 s`), so a short jog never reads as hours.
///
/// ```
/// use stride::export::duration_text;
/// assert_eq!(duration_text(2700.0), "45 min");
/// assert_eq!(duration_text(5400.0), "1 h 30 min");
/// assert_eq!(duration_text(90.0), "90 s");
/// assert_eq!(duration_text(150.0), "2 min 30 s");
/// ```
pub fn duration_text(duration_s: f64) -> String {
    if !duration_s.is_finite() || duration_s < 0.0 {
        return "-".to_owned();
    }
    let total = duration_s.round() as u64;
    if total < 120 && !total.is_multiple_of(60) {
        return format!("{total} s");
    }
    let (h, m, s) = (total / 3600, (total % 3600) / 60, total % 60);
    let parts: Vec<String> = [(h, "h"), (m, "min"), (s, "s")]
        .into_iter()
        .filter(|(n, _)| *n > 0)
        .map(|(n, unit)| format!("{n} {unit}"))
        .collect();
    if parts.is_empty() {
        "0 min".to_owned()
    } else {
        parts.join(" ")
    }
}

/// A planned time, for totals and facts: from ten minutes on in whole minutes (`48 min`,
/// `5 h 10 min`), shorter ones as [`duration_text`] says them.
pub fn time_text(duration_s: f64) -> String {
    if duration_s >= 600.0 {
        duration_text((duration_s / 60.0).round() * 60.0)
    } else {
        duration_text(duration_s)
    }
}

/// A week's planned totals in three short lines: distance, time and load (`47 km`,
/// `5 h 10 min`, `load 310`).
///
/// ```
/// use chrono::NaiveDate;
/// use stride::export::week_totals_lines;
/// use stride::model::Units;
/// use stride::science::week_totals::WeekTotals;
///
/// let mut week = WeekTotals::new(NaiveDate::from_ymd_opt(2027, 3, 1).unwrap());
/// week.distance_m = 46_600.0;
/// week.duration_s = 18_620.0;
/// week.load = 309.6;
/// assert_eq!(week_totals_lines(&week, Units::Km), ["47 km", "5 h 10 min", "load 310"]);
/// ```
pub fn week_totals_lines(
    week: &crate::science::week_totals::WeekTotals,
    units: Units,
) -> [String; 3] {
    [
        volume_text(week.distance_m, units),
        time_text(week.duration_s),
        format!("load {:.0}", week.load),
    ]
}

/// A workout's effort in a word (`hard`), when the kind's word does not say it already (an
/// easy run is easy, a race a race).
pub fn effort_text(w: &Workout) -> Option<String> {
    let effort = w.intensity().label();
    let said =
        effort.eq_ignore_ascii_case(w.kind.word()) || effort.eq_ignore_ascii_case(&w.kind.label());
    (!said).then(|| effort.to_lowercase())
}

/// The facts of a workout, each once: the kind, its effort unless the kind says it, the
/// planned distance and the planned time (`["Intervals", "hard", "9.6 km", "48 min"]`,
/// `["Easy", "8 km", "45 min"]`, `["Rest"]`).
///
/// ```
/// use chrono::NaiveDate;
/// use stride::export::workout_facts;
/// use stride::model::{Units, Workout, WorkoutId, WorkoutKind};
///
/// let day = NaiveDate::from_ymd_opt(2027, 3, 10).unwrap();
/// let mut easy = Workout::new(WorkoutId(1), day, WorkoutKind::Easy);
/// easy.planned_distance_m = Some(6000.0);
/// easy.planned_duration_s = Some(2700.0);
/// assert_eq!(workout_facts(&easy, Units::Km), ["Easy", "6 km", "45 min"]);
/// ```
pub fn workout_facts(w: &Workout, units: Units) -> Vec<String> {
    let mut facts = vec![w.kind.label()];
    facts.extend(effort_text(w));
    if w.kind != WorkoutKind::Rest {
        facts.extend(
            w.planned_distance_m
                .filter(|m| *m > 0.0)
                .map(|m| distance_text(m, units)),
        );
        facts.extend(w.planned_duration_s.filter(|s| *s > 0.0).map(time_text));
    }
    facts
}

/// How long a workout is, for titles: its planned distance (a race's distance), else its
/// planned duration.
pub fn workout_amount(w: &Workout, units: Units) -> Option<String> {
    let distance = w.planned_distance_m.or(w.kind.race_distance_m());
    match (distance, w.planned_duration_s) {
        (Some(m), _) if m > 0.0 => Some(distance_text(m, units)),
        (_, Some(s)) if s > 0.0 => Some(duration_text(s)),
        _ => None,
    }
}

/// A workout in one line: [`Display`](fmt::Display) writes `word`, `detail` and ` · amount`,
/// e.g. `Tempo 3 km @ 4:38/km · 7 km`; the print sets the word in bold.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WorkoutLine {
    /// The kind in words: the title's own first word(s) when they name it (`Long run`),
    /// else the kind's [`WorkoutKind::word`].
    pub word: String,
    /// The rest of the title after the word (`, last 5 km @ 4:56/km`), or `: ` and the
    /// whole title when the title does not start with the kind (`: Easy spin`); zone
    /// references replaced by their paces. Empty for a workout without a title.
    pub detail: String,
    /// The distance or duration, unless the title says it already; none for a rest day.
    pub amount: Option<String>,
}

impl fmt::Display for WorkoutLine {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}{}", self.word, self.detail)?;
        if let Some(amount) = &self.amount {
            write!(f, " · {amount}")?;
        }
        Ok(())
    }
}

/// The pace of a zone as a target: `@ 4:38/km` (for E the easy range, `@ 5:19-6:22/km`), or
/// `at threshold pace` without paces.
fn zone_target(zone: PaceZone, paces: Option<&TrainingPaces>, units: Units) -> String {
    match paces {
        Some(p) => {
            let (fast, slow) = zone_pace_window(p, zone);
            if zone == PaceZone::E {
                format!("@ {}", pace_range_text(fast, slow, units))
            } else {
                format!("@ {}", format_pace(p.zone_s_per_km(zone), units))
            }
        }
        None => format!("at {} pace", zone.word()),
    }
}

/// A title word that names a zone by its letter (`T`, `M,`): the zone and what follows the
/// letter.
fn zone_token(token: &str) -> Option<(PaceZone, &str)> {
    let mut chars = token.chars();
    let zone = match chars.next()? {
        'E' => PaceZone::E,
        'M' => PaceZone::M,
        'T' => PaceZone::T,
        'I' => PaceZone::I,
        'R' => PaceZone::R,
        _ => return None,
    };
    let tail = chars.as_str();
    tail.chars()
        .all(|c| c.is_ascii_punctuation())
        .then_some((zone, tail))
}

/// `text` with each zone reference `at T` (or `at T pace`) replaced by the zone's target
/// pace; true when one was replaced.
fn with_zone_paces(text: &str, paces: Option<&TrainingPaces>, units: Units) -> (String, bool) {
    let tokens: Vec<&str> = text.split(' ').collect();
    let mut out: Vec<String> = Vec::with_capacity(tokens.len());
    let mut replaced = false;
    let mut i = 0;
    while i < tokens.len() {
        let zone = tokens
            .get(i + 1)
            .filter(|_| tokens[i].eq_ignore_ascii_case("at"))
            .and_then(|t| zone_token(t));
        let Some((zone, mut tail)) = zone else {
            out.push(tokens[i].to_owned());
            i += 1;
            continue;
        };
        let mut used = 2;
        // `at T pace`: the word pace goes with the letter.
        if tail.is_empty()
            && let Some(rest) = tokens.get(i + 2).and_then(|t| t.strip_prefix("pace"))
            && rest.chars().all(|c| c.is_ascii_punctuation())
        {
            tail = rest;
            used = 3;
        }
        out.push(format!("{}{tail}", zone_target(zone, paces, units)));
        replaced = true;
        i += used;
    }
    (out.join(" "), replaced)
}

/// `text` with its first `at <name> pace` (`at marathon pace`, `at 10K pace.`) replaced by
/// `target`, when it has one.
fn with_named_pace(text: &str, target: &str) -> Option<String> {
    let tokens: Vec<&str> = text.split(' ').collect();
    let at = tokens.windows(3).position(|t| {
        t[0].eq_ignore_ascii_case("at")
            && !t[1].is_empty()
            && t[2]
                .strip_prefix("pace")
                .is_some_and(|rest| rest.chars().all(|c| c.is_ascii_punctuation()))
    })?;
    let tail = &tokens[at + 2]["pace".len()..];
    let mut out: Vec<String> = tokens[..at].iter().map(|t| (*t).to_owned()).collect();
    out.push(format!("{target}{tail}"));
    out.extend(tokens[at + 3..].iter().map(|t| (*t).to_owned()));
    Some(out.join(" "))
}

/// Every segment of a workout, repeats opened once.
fn segments(w: &Workout) -> impl Iterator<Item = &Segment> {
    w.steps.iter().flat_map(|step| match step {
        Step::Single(s) => std::slice::from_ref(s),
        Step::Repeat { segments, .. } => segments.as_slice(),
    })
}

/// The target of a workout's work, when all its work that is faster than easy aims for
/// one: `@ 4:16/km`, `@ 4:00-4:10/km`, `@ 150-160 bpm`.
fn work_target(w: &Workout, paces: Option<&TrainingPaces>, units: Units) -> Option<String> {
    let mut found: Vec<String> = Vec::new();
    for s in segments(w).filter(|s| s.kind == SegmentKind::Work) {
        let text = match &s.target {
            Target::PaceZone(PaceZone::E) | Target::None | Target::Rpe(_) => continue,
            Target::PaceZone(zone) => zone_target(*zone, paces, units),
            Target::PaceRange {
                fast_s_per_km,
                slow_s_per_km,
            } => format!(
                "@ {}",
                pace_range_text(*fast_s_per_km, *slow_s_per_km, units)
            ),
            Target::HeartRate { min_bpm, max_bpm } => format!("@ {min_bpm}-{max_bpm} bpm"),
        };
        if !found.contains(&text) {
            found.push(text);
        }
    }
    if found.len() == 1 { found.pop() } else { None }
}

/// True when `phrase` stands in `text` as whole words (`7 km` in `Easy 7 km`, not in
/// `17 km`).
fn has_phrase(text: &str, phrase: &str) -> bool {
    let word_char = |c: char| c.is_alphanumeric() || c == '.';
    text.match_indices(phrase).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + phrase.len()..].chars().next();
        !before.is_some_and(word_char) && !after.is_some_and(word_char)
    })
}

/// The title split into the words that name the kind and the rest, when it starts with
/// one of `names` (any case) followed by a space, a sign or nothing.
fn split_name<'t>(title: &'t str, names: &[&str]) -> Option<(&'t str, &'t str)> {
    names.iter().find_map(|name| {
        let head = title.get(..name.len())?;
        let rest = &title[name.len()..];
        (head.eq_ignore_ascii_case(name) && !rest.starts_with(char::is_alphanumeric))
            .then_some((head, rest))
    })
}

/// A workout in one line, as the print, the calendar file and the window's chips show it:
/// the kind in words, the title with zone references (`at T`) turned into target paces,
/// else with the target of its work in place of `at <name> pace` or after the title, and
/// the distance or duration unless the title gives it.
///
/// ```
/// use chrono::NaiveDate;
/// use stride::export::workout_line;
/// use stride::model::{CrossActivity, Units, Workout, WorkoutId, WorkoutKind};
///
/// let day = NaiveDate::from_ymd_opt(2027, 3, 10).unwrap();
/// let kind = WorkoutKind::CrossTraining { activity: CrossActivity::Cycling };
/// let mut spin = Workout::new(WorkoutId(7), day, kind);
/// spin.planned_duration_s = Some(2700.0);
/// assert_eq!(workout_line(&spin, None, Units::Km).to_string(), "Bike · 45 min");
/// spin.title = "Easy spin 45 min".to_owned();
/// assert_eq!(workout_line(&spin, None, Units::Km).to_string(), "Bike: Easy spin 45 min");
/// ```
pub fn workout_line(w: &Workout, paces: Option<&TrainingPaces>, units: Units) -> WorkoutLine {
    let title = w.title.trim();
    let word = w.kind.word();
    let label = w.kind.label();
    let names: Vec<&str> = match &w.kind {
        // A sport's own name is not its word: "Cycling" still reads "Bike".
        WorkoutKind::CrossTraining { .. } => vec![word],
        _ if label.len() > word.len() => vec![&label, word],
        _ => vec![word],
    };
    let (word, detail) = if title.is_empty() {
        (word.to_owned(), String::new())
    } else {
        match split_name(title, &names) {
            Some((head, rest)) => (head.to_owned(), rest.to_owned()),
            None => (word.to_owned(), format!(": {title}")),
        }
    };
    let detail = if w.kind.is_running() {
        let (mut detail, replaced) = with_zone_paces(&detail, paces, units);
        if !replaced && let Some(target) = work_target(w, paces, units) {
            // "at marathon pace" becomes the pace itself; else the pace goes after the title.
            match with_named_pace(&detail, &target) {
                Some(named) => detail = named,
                None => {
                    detail.push(' ');
                    detail.push_str(&target);
                }
            }
        }
        detail
    } else {
        detail
    };
    let amount = match w.kind {
        WorkoutKind::Rest => None,
        _ => workout_amount(w, units).filter(|a| !has_phrase(&detail, a)),
    };
    WorkoutLine {
        word,
        detail,
        amount,
    }
}

/// The goal race `w` is, when it is the plan's: a race on the goal's day.
pub fn goal_race_of<'p>(plan: &'p Plan, w: &Workout) -> Option<&'p GoalRace> {
    (w.kind.is_race() && w.date == plan.goal.date).then_some(&plan.goal)
}

/// The goal time and the pace it takes: `Goal 1:39:00 (4:42/km)`; `None` without a goal
/// time.
///
/// ```
/// use chrono::NaiveDate;
/// use stride::export::goal_text;
/// use stride::model::{GoalRace, Units};
/// let goal = GoalRace {
///     name: "Riverside Half".to_owned(),
///     distance_m: 21_097.5,
///     date: NaiveDate::from_ymd_opt(2027, 2, 14).unwrap(),
///     goal_time_s: Some(5940.0),
/// };
/// assert_eq!(goal_text(&goal, Units::Km).as_deref(), Some("Goal 1:39:00 (4:42/km)"));
/// ```
pub fn goal_text(goal: &GoalRace, units: Units) -> Option<String> {
    let time = goal.goal_time_s.filter(|t| t.is_finite() && *t > 0.0)?;
    let mut text = format!("Goal {}", format_duration(time));
    if goal.distance_m > 0.0 {
        let pace = time / (goal.distance_m / 1000.0);
        text.push_str(&format!(" ({})", format_pace(pace, units)));
    }
    Some(text)
}

/// The time planned for a workout: the goal time for the goal race when there is one, else
/// its planned duration.
pub fn planned_time_s(plan: &Plan, w: &Workout) -> Option<f64> {
    goal_race_of(plan, w)
        .and_then(|g| g.goal_time_s)
        .or(w.planned_duration_s)
        .filter(|s| *s > 0.0)
}

/// The word for a segment's role.
pub fn segment_role(kind: SegmentKind) -> &'static str {
    match kind {
        SegmentKind::WarmUp => "Warm-up",
        SegmentKind::Work => "Work",
        SegmentKind::Recovery => "Recovery",
        SegmentKind::CoolDown => "Cool-down",
    }
}

/// A pace range in the athlete's units: `4:30-4:45/km`.
fn pace_range_text(fast_s_per_km: f64, slow_s_per_km: f64, units: Units) -> String {
    let fast = format_duration(fast_s_per_km * units.metres_per_unit() / 1000.0);
    format!("{fast}-{}", format_pace(slow_s_per_km, units))
}

/// The training paces in one line, zones named in words: `easy 5:19-6:22/km · marathon
/// 4:56/km · threshold 4:38/km · interval 4:16/km · repetition 3:59/km`.
pub fn paces_text(paces: &TrainingPaces, units: Units) -> String {
    [
        PaceZone::E,
        PaceZone::M,
        PaceZone::T,
        PaceZone::I,
        PaceZone::R,
    ]
    .into_iter()
    .map(|zone| {
        let pace = zone_target(zone, Some(paces), units);
        format!("{} {}", zone.word(), pace.trim_start_matches("@ "))
    })
    .collect::<Vec<_>>()
    .join(" · ")
}

/// What a segment aims for, in words: `threshold pace 4:15/km`, `4:30-4:45/km`,
/// `140-150 bpm`, `RPE 6`; `None` for no target. Without `paces` a zone is named without a
/// pace.
pub fn target_text(target: &Target, paces: Option<&TrainingPaces>, units: Units) -> Option<String> {
    match target {
        Target::None => None,
        Target::PaceZone(zone) => Some(match paces {
            Some(p) => format!(
                "{} pace {}",
                zone.word(),
                format_pace(p.zone_s_per_km(*zone), units)
            ),
            None => format!("{} pace", zone.word()),
        }),
        Target::PaceRange {
            fast_s_per_km,
            slow_s_per_km,
        } => Some(pace_range_text(*fast_s_per_km, *slow_s_per_km, units)),
        Target::HeartRate { min_bpm, max_bpm } => Some(format!("{min_bpm}-{max_bpm} bpm")),
        Target::Rpe(rpe) => Some(format!("RPE {}", trimmed(*rpe, 1))),
    }
}

/// A segment's length in words: `2 km`, `400 m`, `1 min`, `90 s`.
pub fn length_text(length: SegmentLength, units: Units) -> String {
    match length {
        SegmentLength::Distance(m) => distance_text(m, units),
        SegmentLength::Duration(s) => duration_text(s),
    }
}

/// One segment in words: `Work 3 km at threshold pace 4:15/km`, with its RPE when it has
/// one.
pub fn segment_text(s: &Segment, paces: Option<&TrainingPaces>, units: Units) -> String {
    let mut text = format!("{} {}", segment_role(s.kind), length_text(s.length, units));
    if let Some(target) = target_text(&s.target, paces, units) {
        text.push_str(" at ");
        text.push_str(&target);
    }
    if let Some(rpe) = s.rpe {
        text.push_str(&format!(", RPE {}", trimmed(rpe, 1)));
    }
    text
}

/// A workout's steps as lines: a segment per line, a repeat as `4 times:` followed by its
/// segments, each after `- `.
pub fn step_lines(w: &Workout, paces: Option<&TrainingPaces>, units: Units) -> Vec<String> {
    let mut lines = Vec::new();
    for step in &w.steps {
        match step {
            Step::Single(s) => lines.push(segment_text(s, paces, units)),
            Step::Repeat { times, segments } => {
                lines.push(format!("{times} times:"));
                for s in segments {
                    lines.push(format!("- {}", segment_text(s, paces, units)));
                }
            }
        }
    }
    lines
}

/// The full description of a workout of `plan`: its effort when the kind's word does not
/// say it (`Effort: hard`), the goal for the goal race, the steps with target paces (or,
/// for an easy run without steps, the easy pace range), what is planned (for the goal race
/// with a goal time, that time), and the notes. Lines are separated by `\n`.
pub fn workout_description(
    plan: &Plan,
    w: &Workout,
    paces: Option<&TrainingPaces>,
    units: Units,
) -> String {
    let mut lines = Vec::new();
    let effort = w.intensity().label();
    if !effort.eq_ignore_ascii_case(w.kind.word()) {
        lines.push(format!("Effort: {}", effort.to_lowercase()));
    }
    if let Some(goal) = goal_race_of(plan, w).and_then(|g| goal_text(g, units)) {
        lines.push(goal);
    }
    lines.extend(step_lines(w, paces, units));
    if w.steps.is_empty()
        && matches!(
            w.kind,
            WorkoutKind::Recovery | WorkoutKind::Easy | WorkoutKind::Long
        )
        && let Some(p) = paces
    {
        let (fast, slow) = zone_pace_window(p, PaceZone::E);
        lines.push(format!("Easy pace {}", pace_range_text(fast, slow, units)));
    }
    let mut planned = Vec::new();
    if let Some(m) = w.planned_distance_m.filter(|m| *m > 0.0) {
        planned.push(distance_text(m, units));
    }
    if let Some(s) = planned_time_s(plan, w) {
        // A race's time reads as a clock: 1:39:00.
        planned.push(if w.kind.is_race() {
            format_duration(s)
        } else {
            duration_text(s)
        });
    }
    if !planned.is_empty() {
        lines.push(format!("Planned: {}", planned.join(", ")));
    }
    let notes = w.notes.trim();
    if !notes.is_empty() {
        lines.push(notes.to_owned());
    }
    lines.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn paces() -> TrainingPaces {
        TrainingPaces::from_vdot(45.0).expect("paces")
    }

    fn titled(kind: WorkoutKind, title: &str, distance_m: Option<f64>) -> Workout {
        let day = NaiveDate::from_ymd_opt(2027, 3, 2).expect("date");
        let mut w = Workout::new(crate::model::WorkoutId(1), day, kind);
        w.title = title.to_owned();
        w.planned_distance_m = distance_m;
        w
    }

    fn work(target: Target) -> Segment {
        Segment {
            kind: SegmentKind::Work,
            length: SegmentLength::Distance(1000.0),
            target,
            rpe: None,
        }
    }

    #[test]
    fn lines_name_the_kind_in_words_and_write_paces_out() {
        // VDOT 45 (Daniels): M 4:56, T 4:38, I 4:16, easy 5:19-6:22 per km.
        let p = paces();
        let cases: Vec<(Workout, &str)> = vec![
            (
                titled(WorkoutKind::Tempo, "Tempo 3 km at T", Some(7000.0)),
                "Tempo 3 km @ 4:38/km · 7 km",
            ),
            (
                titled(
                    WorkoutKind::Long,
                    "Long run, last 5 km at M",
                    Some(15_000.0),
                ),
                "Long run, last 5 km @ 4:56/km · 15 km",
            ),
            (
                titled(WorkoutKind::Intervals, "5 x 1200 m at I", Some(12_000.0)),
                "Intervals: 5 x 1200 m @ 4:16/km · 12 km",
            ),
            (
                titled(WorkoutKind::RacePace, "12 km at M pace.", Some(16_000.0)),
                "Race pace: 12 km @ 4:56/km. · 16 km",
            ),
            (
                titled(WorkoutKind::Recovery, "Recovery 3 km", Some(3000.0)),
                "Recovery 3 km",
            ),
            (titled(WorkoutKind::Easy, "", Some(8000.0)), "Easy · 8 km"),
            (
                titled(WorkoutKind::Easy, "Easy with strides", Some(6000.0)),
                "Easy with strides · 6 km",
            ),
            // Letters inside words are not zones; neither is a lower-case "at t".
            (
                titled(WorkoutKind::Easy, "Easy at Tom's, at t", Some(6000.0)),
                "Easy at Tom's, at t · 6 km",
            ),
            (titled(WorkoutKind::Rest, "Rest", None), "Rest"),
            (
                titled(
                    WorkoutKind::Race {
                        distance_m: 21_097.5,
                        priority: Default::default(),
                    },
                    "Riverside Half",
                    None,
                ),
                "Race: Riverside Half · 21.1 km",
            ),
        ];
        for (w, want) in cases {
            assert_eq!(workout_line(&w, Some(&p), Units::Km).to_string(), want);
        }
    }

    #[test]
    fn a_title_without_a_zone_gets_the_target_of_its_work() {
        let p = paces();
        let mut w = titled(WorkoutKind::Intervals, "Sharpener 4 x 400 m", Some(6000.0));
        w.steps = vec![Step::Repeat {
            times: 4,
            segments: vec![work(Target::PaceZone(PaceZone::I))],
        }];
        let line = workout_line(&w, Some(&p), Units::Km);
        assert_eq!(line.detail, ": Sharpener 4 x 400 m @ 4:16/km");
        // Two different targets: neither is the workout's.
        w.steps
            .push(Step::Single(work(Target::PaceZone(PaceZone::T))));
        let line = workout_line(&w, Some(&p), Units::Km);
        assert_eq!(line.to_string(), "Intervals: Sharpener 4 x 400 m · 6 km");
        // Without paces the zone is named in a word.
        w.steps.pop();
        let line = workout_line(&w, None, Units::Km);
        assert_eq!(line.detail, ": Sharpener 4 x 400 m at interval pace");
        // A pace named in words becomes the pace.
        w.title = "4 x 400 m at 5K pace, relaxed".to_owned();
        assert_eq!(
            workout_line(&w, Some(&p), Units::Km).detail,
            ": 4 x 400 m @ 4:16/km, relaxed"
        );
        let w = titled(WorkoutKind::Tempo, "Tempo 20 min at T", None);
        assert_eq!(
            workout_line(&w, None, Units::Miles).detail,
            " 20 min at threshold pace"
        );
        let w = titled(WorkoutKind::Tempo, "Tempo 2 mi at T", None);
        assert_eq!(
            workout_line(&w, Some(&p), Units::Miles).detail,
            " 2 mi @ 7:27/mi"
        );
    }

    #[test]
    fn durations_under_two_minutes_are_seconds_and_never_clock_times() {
        for (s, want) in [
            (20.0, "20 s"),
            (60.0, "1 min"),
            (90.0, "90 s"),
            (119.6, "2 min"),
            (125.0, "2 min 5 s"),
            (3725.0, "1 h 2 min 5 s"),
            (7200.0, "2 h"),
            (0.0, "0 min"),
            (-1.0, "-"),
        ] {
            assert_eq!(duration_text(s), want, "{s}");
        }
    }

    #[test]
    fn facts_say_each_thing_once() {
        let minutes = |w: Workout, m: f64| Workout {
            planned_duration_s: Some(m * 60.0),
            ..w
        };
        let mut long_moderate = titled(WorkoutKind::Long, "", Some(13_000.0));
        long_moderate.intensity_override = Some(crate::model::Intensity::Moderate);
        let cases: Vec<(&str, Workout, Vec<&str>)> = vec![
            (
                "an easy run is easy: the word once",
                minutes(titled(WorkoutKind::Easy, "", Some(6000.0)), 45.0),
                vec!["Easy", "6 km", "45 min"],
            ),
            (
                "a recovery run likewise",
                titled(WorkoutKind::Recovery, "", Some(3000.0)),
                vec!["Recovery", "3 km"],
            ),
            (
                "the effort of a kind that does not say it",
                minutes(titled(WorkoutKind::Intervals, "", Some(9600.0)), 48.0),
                vec!["Intervals", "hard", "9.6 km", "48 min"],
            ),
            (
                "a long run made moderate",
                long_moderate,
                vec!["Long run", "moderate", "13 km"],
            ),
            (
                "a rest day is only rest",
                titled(WorkoutKind::Rest, "Rest", None),
                vec!["Rest"],
            ),
            (
                "a time of seconds stays exact below ten minutes",
                minutes(titled(WorkoutKind::Easy, "", None), 2.5),
                vec!["Easy", "2 min 30 s"],
            ),
        ];
        for (case, w, want) in cases {
            assert_eq!(workout_facts(&w, Units::Km), want, "{case}");
        }
    }

    #[test]
    fn a_title_that_gives_the_amount_is_not_followed_by_it_again() {
        let mut easy = titled(WorkoutKind::Easy, "Easy 6 km", Some(6000.0));
        assert_eq!(
            workout_line(&easy, None, Units::Km).to_string(),
            "Easy 6 km"
        );
        // A planned time as well: the chip gives the one amount, not both.
        easy.planned_duration_s = Some(2700.0);
        assert_eq!(
            workout_line(&easy, None, Units::Km).to_string(),
            "Easy 6 km"
        );
        let spin = Workout {
            title: "Easy spin 45 min".to_owned(),
            planned_distance_m: None,
            planned_duration_s: Some(2700.0),
            ..titled(
                WorkoutKind::CrossTraining {
                    activity: crate::model::CrossActivity::Cycling,
                },
                "",
                None,
            )
        };
        let line = workout_line(&spin, None, Units::Km).to_string();
        assert_eq!(line, "Bike: Easy spin 45 min");
        assert_eq!(line.matches("45").count(), 1, "{line}");
    }

    #[test]
    fn counts_of_days_and_week_totals_read_as_words() {
        for (n, want) in [(0, "0 days"), (1, "1 day"), (2, "2 days"), (-1, "-1 day")] {
            assert_eq!(crate::model::days_text(n), want);
        }
        for (s, want) in [
            (599.0, "9 min 59 s"),
            (600.0, "10 min"),
            (2679.0, "45 min"),
            (18_620.0, "5 h 10 min"),
        ] {
            assert_eq!(time_text(s), want, "{s}");
        }
        let day = NaiveDate::from_ymd_opt(2027, 3, 1).expect("date");
        let week = crate::science::week_totals::WeekTotals {
            distance_m: 32_186.9,
            duration_s: 3.0 * 3600.0 + 20.0,
            load: 199.5,
            ..crate::science::week_totals::WeekTotals::new(day)
        };
        assert_eq!(
            week_totals_lines(&week, Units::Miles),
            ["20 mi", "3 h", "load 200"]
        );
    }

    #[test]
    fn the_goal_race_plans_its_goal_time() {
        let day = NaiveDate::from_ymd_opt(2027, 2, 14).expect("date");
        let mut race = titled(
            WorkoutKind::Race {
                distance_m: 10_000.0,
                priority: Default::default(),
            },
            "City 10K",
            Some(10_000.0),
        );
        race.date = day;
        race.planned_duration_s = Some(2400.0);
        let mut plan = Plan {
            name: "10K".to_owned(),
            goal: GoalRace {
                name: "City 10K".to_owned(),
                distance_m: 10_000.0,
                date: day,
                goal_time_s: Some(2700.0),
            },
            start_date: day,
            phases: Vec::new(),
            workouts: vec![race.clone()],
            notes: Vec::new(),
            days_off: Vec::new(),
        };
        assert_eq!(planned_time_s(&plan, &race), Some(2700.0));
        let text = workout_description(&plan, &race, None, Units::Km);
        assert_eq!(
            text, "Goal 45:00 (4:30/km)\nPlanned: 10 km, 45:00",
            "the goal, not the prediction"
        );
        plan.goal.goal_time_s = None;
        assert_eq!(planned_time_s(&plan, &race), Some(2400.0));
        assert_eq!(
            workout_description(&plan, &race, None, Units::Km),
            "Planned: 10 km, 40:00"
        );
        // A tune-up race on another day is not the goal.
        plan.goal.goal_time_s = Some(2700.0);
        race.date = day.pred_opt().expect("day");
        assert_eq!(goal_race_of(&plan, &race), None);
    }
}
