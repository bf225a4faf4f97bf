//! A workout's target paces as the editor, the week view and the calendar's tooltips show
//! them: in the workout's conditions (heat, altitude), with what changed them in words.

use crate::model::{AthleteDocument, PaceZone, Step, Target, Units, Workout, format_pace};
use crate::science::conditions::Adjustment;
use crate::science::load::LoadContext;
use crate::science::paces::TrainingPaces;

/// The paces of the athlete's zones in the workout's conditions.
pub fn workout_paces(w: &Workout, doc: &AthleteDocument) -> TrainingPaces {
    let context = LoadContext::new(&doc.athlete, &doc.settings);
    Adjustment::for_workout(w, &doc.athlete).paces(context.paces())
}

/// "Paces adjusted: heat (temperature + dew point 158 °F): paces 5.6% slower", when the
/// workout's conditions change its paces.
pub fn adjustment_line(w: &Workout, doc: &AthleteDocument) -> Option<String> {
    Adjustment::for_workout(w, &doc.athlete)
        .describe()
        .map(|text| format!("Paces adjusted: {text}"))
}

/// The zones a workout's steps aim at, each once, in the order they come.
fn zones(w: &Workout) -> Vec<PaceZone> {
    let mut out = Vec::new();
    let segments = w.steps.iter().flat_map(|step| match step {
        Step::Single(s) => std::slice::from_ref(s),
        Step::Repeat { segments, .. } => segments.as_slice(),
    });
    for s in segments {
        if let Target::PaceZone(z) = s.target
            && !out.contains(&z)
        {
            out.push(z);
        }
    }
    out
}

/// "Target paces: T 4:25/km, E 5:40/km" for the zones of the workout's steps, in its
/// conditions; `None` for a workout whose steps aim at no zone.
pub fn paces_line(w: &Workout, doc: &AthleteDocument, units: Units) -> Option<String> {
    let zones = zones(w);
    if zones.is_empty() {
        return None;
    }
    let paces = workout_paces(w, doc);
    let each: Vec<String> = zones
        .into_iter()
        .map(|z| format!("{z:?} {}", format_pace(paces.zone_s_per_km(z), units)))
        .collect();
    Some(format!("Target paces: {}", each.join(", ")))
}
