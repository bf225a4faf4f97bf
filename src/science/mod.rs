//! Training science: session load, fitness/fatigue/form, injury-risk indicators and paces.
//!
//! Pure functions over the document model; every formula's source is in its module's notes
//! and in `training-science.md` (sections named there).
//!
//! - [`load`]: how hard a session was (heart rate, pace, RPE or given), and planned load.
//! - [`pmc`]: fitness (CTL), fatigue (ATL), form (TSB), ramp, ACWR, monotony and strain.
//! - [`series`]: the day-by-day series through history into the plan, and race-morning form.
//! - [`charts`]: the data behind the charts: split lines, load bars, weekly buckets, zones.
//! - [`conditions`]: target paces in heat and at altitude.
//! - [`paces`]: Daniels & Gilbert VDOT, race predictions and training paces; Riegel.
//! - [`banister`]: the impulse-response model of performance, fitted to races.
//! - [`personal`]: the runner's own model from their document: races, fit, predictions.
//! - [`recovery_time`]: how many days this athlete takes to be back at baseline after a
//!   tough session, from their check-ins.
//! - [`week_totals`]: each plan week's planned distance, time and load.

pub mod adherence;
pub mod banister;
pub mod charts;
pub mod conditions;
pub mod load;
pub mod paces;
pub mod personal;
pub mod pmc;
pub mod recovery_time;
pub mod series;
pub mod week_totals;
