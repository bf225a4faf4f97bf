//! A document with a plan made by the generator, for the tests of what is made from plans.

use chrono::NaiveDate;
use stride::generator::{CrossTrainingPreference, GeneratorInput, generate};
use stride::model::{Athlete, AthleteDocument, GoalRace, Settings};

/// `athlete`'s document with the plan the generator makes toward `goal` from `start`, with
/// the default settings.
pub fn generated_document(
    athlete: Athlete,
    goal: GoalRace,
    start: NaiveDate,
    cross_training: CrossTrainingPreference,
) -> AthleteDocument {
    let input = GeneratorInput {
        athlete: athlete.clone(),
        goal,
        start,
        longest_recent_run_km: None,
        cross_training,
        tune_ups: Vec::new(),
        days_off: Vec::new(),
    };
    let plan = generate(&input, &Settings::default()).expect("plan");
    let mut doc = AthleteDocument::new(athlete);
    doc.plans.push(plan);
    doc
}
