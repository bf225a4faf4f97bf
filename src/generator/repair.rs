//! Check-and-trim after building: each finding maps to a small reduction of load.

use chrono::{Days, NaiveDate};

use super::*;

/// Most rounds of check-and-trim after building. A trim that clears one week's growth can
/// move the jump to the next week, so a long plan may need two rounds a week to settle.
pub(super) const REPAIR_ROUNDS: usize = 60;

/// Trims what a finding points at; only ever reduces load. Returns whether anything changed.
pub(super) fn repair(b: &mut Builder<'_>, findings: &[crate::rules::Finding]) -> bool {
    let race = b.input.goal.date;
    let week_start = b.input.athlete.week_start;
    let mut changed = false;
    for f in findings {
        let day = f.date;
        let in_week = |d: NaiveDate| week_start.week_of(d) == week_start.week_of(day);
        let scale_where =
            |b: &mut Builder<'_>, pick: &dyn Fn(NaiveDate, &Recipe) -> bool, factor: f64| {
                let mut any = false;
                for (d, r) in b.days.iter_mut() {
                    if pick(*d, r) && r.is_run() {
                        *r = r.scaled(factor);
                        any = true;
                    }
                }
                any
            };
        let easy_kind = Recipe::is_easy_kind;
        changed |= match f.rule {
            // The ratio runs over rolling 7-day load: trim the seven days up to the day,
            // and where nothing shrinks, the shortest easy run becomes rest.
            Rule::R5 if f.message.contains("acute:chronic") => {
                let from = day - Days::new(6);
                let window = |d: NaiveDate| d >= from && d <= day;
                let before = b.km_where(window);
                scale_where(b, &|d, _| window(d), 0.93);
                // A week the window cuts into keeps its long run's share of the week (R8):
                // its long run outside the window shrinks alike.
                let touched = |d: NaiveDate| {
                    let week = week_start.week_of(d);
                    week == week_start.week_of(from) || week == week_start.week_of(day)
                };
                scale_where(
                    b,
                    &|d, r| !window(d) && touched(d) && matches!(r, Recipe::Long { .. }),
                    0.93,
                );
                if b.km_where(window) > before - 0.05
                    && let Some(i) = b.shortest_easy(window)
                {
                    b.days[i].1 = Recipe::Rest;
                }
                true
            }
            // Growth or a missing cut-back: trim the week's easy running; where the runs are
            // already at their shortest, the shortest becomes rest.
            Rule::R5 | Rule::R6 => {
                let before = b.km_where(in_week);
                // A marathon's long run keeps its length while the easy runs can give.
                let protect = b.class == RaceClass::Marathon;
                scale_where(
                    b,
                    &|d, r| {
                        in_week(d) && easy_kind(r) && !(protect && matches!(r, Recipe::Long { .. }))
                    },
                    0.93,
                );
                if protect && b.km_where(in_week) > before - 0.05 {
                    scale_where(b, &|d, r| in_week(d) && easy_kind(r), 0.93);
                }
                if b.km_where(in_week) > before - 0.05 {
                    match b.shortest_easy(in_week) {
                        Some(i) => b.days[i].1 = Recipe::Rest,
                        // Nothing easy left: the week's sessions shrink too.
                        None => {
                            scale_where(b, &|d, _| in_week(d), 0.85);
                        }
                    }
                }
                true
            }
            Rule::R7
                if f.severity == crate::rules::Severity::Warning
                    && f.message.contains("of the peak week") =>
            {
                // The two-week average trims the week before the last seven days, which the
                // final-week hold has already set; the final-week finding trims those days.
                let two_weeks = f.message.contains("final two weeks");
                let end = if two_weeks { day + Days::new(7) } else { race };
                let window = |d: NaiveDate| d >= day && d < end;
                let before = b.km_where(window);
                scale_where(b, &|d, _| window(d), 0.85);
                // Runs already at their shortest become rest days.
                for (d, r) in b.days.iter_mut() {
                    let shortest =
                        matches!(r, Recipe::Easy(km) | Recipe::Recovery(km) if *km <= 2.0 + 1e-9);
                    if window(*d) && shortest {
                        *r = Recipe::Rest;
                    }
                }
                // Everything at its floor: the largest session (never the sharpener) becomes
                // a shorter easy run, or an easy run becomes rest.
                if b.km_where(window) > before - 0.05 {
                    let largest = b
                        .days
                        .iter()
                        .enumerate()
                        .filter(|(_, (d, r))| {
                            window(*d)
                                && !matches!(
                                    r,
                                    Recipe::Sharpener { .. }
                                        | Recipe::Race
                                        | Recipe::TuneUp(_)
                                        | Recipe::Rest
                                        | Recipe::Cross(_)
                                )
                        })
                        .max_by(|x, y| b.km(x.1.0, &x.1.1).total_cmp(&b.km(y.1.0, &y.1.1)))
                        .map(|(i, (d, r))| {
                            (
                                i,
                                b.km(*d, r),
                                matches!(r, Recipe::Easy(_) | Recipe::Recovery(_)),
                            )
                        });
                    if let Some((i, km, easy)) = largest {
                        b.days[i].1 = if easy {
                            Recipe::Rest
                        } else {
                            Recipe::Easy((0.6 * km).max(2.0))
                        };
                    }
                }
                true
            }
            Rule::R8 => {
                // To the length the finding allows when it names one, else a little shorter.
                let allowed = f
                    .fix
                    .strip_prefix("shorten it to ")
                    .and_then(|t| t.strip_suffix(" km"))
                    .and_then(|t| t.parse::<f64>().ok());
                match allowed {
                    Some(km_allowed) => {
                        for (d, r) in b.days.iter_mut() {
                            if *d == day
                                && let Recipe::Long { km, marathon_km } = r
                            {
                                *km = (km_allowed - 0.3).min(*km).max(3.0);
                                *marathon_km = marathon_km.min(0.3 * *km);
                            }
                        }
                    }
                    None => {
                        scale_where(
                            b,
                            &|d, r| d == day && matches!(r, Recipe::Long { .. }),
                            0.85,
                        );
                    }
                }
                // A long run already at its shortest becomes an easy run: in so small a week
                // there is no long run to speak of.
                for (d, r) in b.days.iter_mut() {
                    if let Recipe::Long { km, .. } = *r
                        && *d == day
                        && km <= 3.0 + 1e-9
                    {
                        *r = Recipe::Easy(km);
                    }
                }
                true
            }
            // No light day in the week: its shortest easy run becomes rest.
            Rule::R3 => {
                let shortest = b.shortest_easy(in_week);
                if let Some(i) = shortest {
                    b.days[i].1 = Recipe::Rest;
                }
                shortest.is_some()
            }
            Rule::R9 => {
                let block_end = day + Days::new(28);
                let in_block = |d: NaiveDate| d >= day && d < block_end;
                let quality = Recipe::is_quality;
                let before: f64 = b
                    .days
                    .iter()
                    .filter(|(d, r)| in_block(*d) && quality(r))
                    .map(|(d, r)| b.km(*d, r))
                    .sum();
                scale_where(b, &|d, r| in_block(d) && !easy_kind(r), 0.85);
                let after: f64 = b
                    .days
                    .iter()
                    .filter(|(d, r)| in_block(*d) && quality(r))
                    .map(|(d, r)| b.km(*d, r))
                    .sum();
                // Sessions already at their smallest: one becomes an easy run with strides.
                if after > before - 0.05
                    && let Some(i) = b.days.iter().position(|(d, r)| in_block(*d) && quality(r))
                {
                    let km = b.km(b.days[i].0, &b.days[i].1);
                    b.days[i].1 = Recipe::Strides(km.max(3.0));
                }
                true
            }
            // A tough session after a day that is hard by its load alone (long easy running
            // and a second run): that day's easy running shrinks, so the session keeps its
            // place (it may be the peak long run).
            Rule::R2 if f.message.contains("after a day of load") => {
                let heavy = |d: NaiveDate| d < day && d + Days::new(3) > day;
                shrink_easy(b, &heavy) || make_easy(b, day)
            }
            // Day-to-day rules: make the day easy.
            _ => make_easy(b, day),
        };
    }
    changed
}

/// Shrinks the easy running (easy, recovery and second runs over 2 km) of the days picked.
fn shrink_easy(b: &mut Builder<'_>, pick: &dyn Fn(NaiveDate) -> bool) -> bool {
    let mut any = false;
    for (d, r) in b.days.iter_mut() {
        if pick(*d)
            && let Recipe::Easy(km) | Recipe::Recovery(km) | Recipe::Double(km) = r
            && *km > 2.0
        {
            *km = (*km * 0.8).max(2.0);
            any = true;
        }
    }
    any
}

/// Makes a day's sessions easy; a day that is hard by its load alone (long easy running, or
/// a double) has its easy running shrunk instead. Returns whether anything changed.
fn make_easy(b: &mut Builder<'_>, day: NaiveDate) -> bool {
    let mut any = false;
    for (d, r) in b.days.iter_mut() {
        if *d == day
            && !matches!(
                r,
                Recipe::Race
                    | Recipe::TuneUp(_)
                    | Recipe::Rest
                    | Recipe::Easy(_)
                    | Recipe::Recovery(_)
                    | Recipe::Cross(_)
            )
        {
            *r = Recipe::Easy(4.0);
            any = true;
        }
    }
    any || shrink_easy(b, &|d| d == day)
}
