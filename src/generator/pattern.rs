//! The weekly pattern: which days are run, which hold quality sessions, where the long run is.
//!
//! The pattern is the same every week, so it is checked as a cycle: what holds inside one
//! week holds across week boundaries too. Weeks with fewer quality sessions turn some of the
//! pattern's quality days into easy runs, which can only relax the rules.

use chrono::Weekday;

use crate::rules::profile::RecoveryProfile;

/// What a day of the pattern holds. The long run and quality sessions are both tough.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Slot {
    /// No running.
    Off,
    /// An easy run.
    Easy,
    /// The long run (a tough session).
    Long,
    /// A quality session (hard).
    Quality,
}

impl Slot {
    fn level(self) -> u8 {
        match self {
            Slot::Off => 0,
            Slot::Easy => 1,
            Slot::Long | Slot::Quality => 3,
        }
    }
}

/// Seven slots, Monday first.
pub(crate) type Pattern = [Slot; 7];

fn at(p: &Pattern, i: i32) -> Slot {
    p[i.rem_euclid(7) as usize]
}

/// Easy days the pattern keeps after its tough days: after quality sessions, and after the
/// long run (more when it may run over two hours and the profile asks for more after a very
/// hard day).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Gaps {
    /// Easy days after a quality session.
    pub after_quality: u32,
    /// Easy days after the long run.
    pub after_long: u32,
}

impl Gaps {
    /// The gaps of a profile, for long runs that stay under two hours or may not; the
    /// athlete's own recovery included.
    pub fn new(profile: &RecoveryProfile, long_may_be_very_hard: bool) -> Self {
        Gaps {
            after_quality: profile.after_quality(),
            after_long: if long_may_be_very_hard {
                profile
                    .easy_days_after_very_hard
                    .max(profile.after_long_run())
            } else {
                profile.after_long_run()
            },
        }
    }
}

/// Whether a pattern, repeated week after week, keeps the day-to-day recovery rules: the
/// long run is a tough session like the quality sessions, and the days after each are easy.
pub(crate) fn cyclic_ok(p: &Pattern, profile: &RecoveryProfile, gaps: Gaps) -> bool {
    for i in 0..7 {
        // R1: no three moderate-or-harder days in a row.
        if (0..3).all(|k| at(p, i + k).level() >= 2) {
            return false;
        }
        // R2: easy days after every tough day, the long run included.
        let after = match at(p, i) {
            Slot::Quality => gaps.after_quality,
            Slot::Long => gaps.after_long,
            _ => 0,
        };
        if (1..=after as i32).any(|k| at(p, i + k).level() >= 2) {
            return false;
        }
    }
    // R3: a day off (beginners, intermediates) somewhere in the week.
    !profile.needs_rest_or_cross_day || p.contains(&Slot::Off)
}

/// How well spread a valid pattern is (higher is better): hard days far apart, the day after
/// the long run easy or off, no long strings of days off.
fn score(p: &Pattern) -> i32 {
    let mut s = 0;
    for i in 0..7 {
        let here = at(p, i);
        if here.level() >= 2 {
            // Distance to the next moderate-or-harder day.
            let gap = (1..=7).find(|k| at(p, i + k).level() >= 2).unwrap_or(7);
            s += 3 * gap.min(3);
        }
        if here == Slot::Long && at(p, i + 1) == Slot::Off {
            s += 2;
        }
        if here == Slot::Quality && at(p, i - 1) == Slot::Off {
            s += 1;
        }
        if here == Slot::Off && at(p, i + 1) == Slot::Off {
            s -= 2;
        }
    }
    s
}

fn index(day: Weekday) -> usize {
    day.num_days_from_monday() as usize
}

/// The best pattern with `runs` running days (the long-run day among them) and up to
/// `quality` quality days, on the available days. Returns the pattern and the number of
/// quality days it holds; fewer runs or quality days are tried when the rules leave no room.
pub(crate) fn best_pattern(
    available: &[Weekday],
    long_run_day: Weekday,
    runs: usize,
    quality: usize,
    profile: &RecoveryProfile,
    gaps: Gaps,
) -> (Pattern, usize) {
    let long = index(long_run_day);
    let others: Vec<usize> = available
        .iter()
        .map(|d| index(*d))
        .filter(|&i| i != long)
        .collect();
    for q in (0..=quality).rev() {
        for n in (1..=runs.min(others.len() + 1)).rev() {
            let mut best: Option<(i32, Pattern)> = None;
            for run_mask in 0u32..(1 << others.len()) {
                if run_mask.count_ones() as usize != n - 1 {
                    continue;
                }
                let run_days: Vec<usize> = (0..others.len())
                    .filter(|b| run_mask & (1 << b) != 0)
                    .map(|b| others[b])
                    .collect();
                for q_mask in 0u32..(1 << run_days.len()) {
                    if q_mask.count_ones() as usize != q {
                        continue;
                    }
                    let mut p = [Slot::Off; 7];
                    p[long] = Slot::Long;
                    for (b, &d) in run_days.iter().enumerate() {
                        p[d] = if q_mask & (1 << b) != 0 {
                            Slot::Quality
                        } else {
                            Slot::Easy
                        };
                    }
                    if cyclic_ok(&p, profile, gaps) {
                        let s = score(&p);
                        if best.is_none_or(|(b, _)| s > b) {
                            best = Some((s, p));
                        }
                    }
                }
            }
            if let Some((_, p)) = best {
                return (p, q);
            }
        }
    }
    let mut p = [Slot::Off; 7];
    p[long] = Slot::Long;
    (p, 0)
}
