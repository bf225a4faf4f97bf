//! Arbitrary generator input: any profile, race and start give a plan or an error naming
//! the field, never a panic, and a plan that the rules can check.

#![no_main]

use chrono::{Days, NaiveDate, Weekday};
use libfuzzer_sys::fuzz_target;
use stride::generator::{CrossTrainingPreference, GeneratorInput, generate};
use stride::model::{Athlete, ExperienceLevel, GoalRace, Settings};
use stride::rules::{CheckInput, check_plan};

/// Reads the input's bytes in order; zeros when they run out.
struct Bytes<'a>(&'a [u8]);

impl Bytes<'_> {
    fn byte(&mut self) -> u8 {
        let (first, rest) = self.0.split_first().unwrap_or((&0, &[]));
        self.0 = rest;
        *first
    }
    fn f64(&mut self) -> f64 {
        let mut b = [0u8; 8];
        for x in &mut b {
            *x = self.byte();
        }
        f64::from_le_bytes(b)
    }
    fn u16(&mut self) -> u16 {
        u16::from_le_bytes([self.byte(), self.byte()])
    }
}

const DAYS: [Weekday; 7] = [
    Weekday::Mon,
    Weekday::Tue,
    Weekday::Wed,
    Weekday::Thu,
    Weekday::Fri,
    Weekday::Sat,
    Weekday::Sun,
];

fuzz_target!(|data: &[u8]| {
    let mut b = Bytes(data);
    let mut athlete = Athlete::example();
    athlete.level = [
        ExperienceLevel::Beginner,
        ExperienceLevel::Intermediate,
        ExperienceLevel::Advanced,
        ExperienceLevel::Elite,
    ][usize::from(b.byte() % 4)];
    athlete.training_age_years = u32::from(b.byte());
    athlete.birth_year = 1900 + i32::from(b.u16() % 320);
    athlete.weekly_volume_km = b.f64();
    athlete.vdot = Some(b.f64()).filter(|_| b.byte() % 2 == 0);
    athlete.resting_hr_bpm = b.u16() % 300;
    athlete.max_hr_bpm = b.u16() % 300;
    let mask = b.byte();
    athlete.available_weekdays = DAYS
        .iter()
        .enumerate()
        .filter(|(i, _)| mask & (1 << i) != 0)
        .map(|(_, d)| *d)
        .collect();
    athlete.long_run_day = DAYS[usize::from(b.byte() % 7)];
    let start =
        NaiveDate::from_ymd_opt(2027, 1, 4).expect("date") + Days::new(u64::from(b.u16() % 2000));
    let goal = GoalRace {
        name: "Fuzz race".into(),
        distance_m: b.f64(),
        date: start + Days::new(u64::from(b.u16() % 800)),
        goal_time_s: Some(b.f64()).filter(|_| b.byte() % 2 == 0),
    };
    let input = GeneratorInput {
        athlete: athlete.clone(),
        goal,
        start,
        longest_recent_run_km: Some(b.f64()).filter(|_| b.byte() % 2 == 0),
        cross_training: [
            CrossTrainingPreference::None,
            CrossTrainingPreference::Bike,
            CrossTrainingPreference::Swim,
        ][usize::from(b.byte() % 3)],
        tune_ups: Vec::new(),
        days_off: Vec::new(),
    };
    let settings = Settings::default();
    match generate(&input, &settings) {
        Ok(plan) => {
            let _ = check_plan(&CheckInput {
                plan: &plan,
                athlete: &athlete,
                settings: &settings,
                history: None,
            });
        }
        Err(e) => assert!(!e.message.is_empty(), "an error names what is wrong"),
    }
});
