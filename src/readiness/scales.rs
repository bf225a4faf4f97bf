//! The six 1-5 items of the daily check-in, with the words the check-in form shows.
//!
//! Sleep quality, mood and motivation run from 1 (worst) to 5 (best); soreness, fatigue and
//! stress from 1 (none) to 5 (severe), as in [`crate::model::WellnessEntry`]. The items
//! follow Hooper's questionnaire (`training-science.md`, section 5) with mood and
//! motivation added ("dreading runs" is a warning sign of its own).
//!
//! ```
//! use stride::model::WellnessEntry;
//! use stride::readiness::scales::WellnessItem;
//!
//! let mut e = WellnessEntry::default();
//! WellnessItem::Motivation.set(&mut e, Some(1));
//! assert_eq!(e.motivation, Some(1));
//! assert_eq!(WellnessItem::Motivation.word(1), "dreading runs");
//! ```

use crate::model::WellnessEntry;

/// One 1-5 item of the check-in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum WellnessItem {
    /// How well the athlete slept (5 best).
    SleepQuality,
    /// Muscle soreness (5 worst).
    Soreness,
    /// General fatigue (5 worst).
    Fatigue,
    /// Stress outside training (5 worst).
    Stress,
    /// Mood (5 best).
    Mood,
    /// Motivation to train (5 best).
    Motivation,
}

impl WellnessItem {
    /// All six, in the order the form asks them.
    pub const ALL: [WellnessItem; 6] = [
        WellnessItem::SleepQuality,
        WellnessItem::Soreness,
        WellnessItem::Fatigue,
        WellnessItem::Stress,
        WellnessItem::Mood,
        WellnessItem::Motivation,
    ];

    /// The item's name: "Sleep quality".
    pub fn label(self) -> &'static str {
        match self {
            WellnessItem::SleepQuality => "Sleep quality",
            WellnessItem::Soreness => "Soreness",
            WellnessItem::Fatigue => "Fatigue",
            WellnessItem::Stress => "Stress",
            WellnessItem::Mood => "Mood",
            WellnessItem::Motivation => "Motivation",
        }
    }

    /// The words for 1 to 5.
    pub fn words(self) -> [&'static str; 5] {
        match self {
            WellnessItem::SleepQuality => ["very poor", "poor", "fair", "good", "very good"],
            WellnessItem::Soreness => ["none", "slight", "moderate", "sore", "very sore"],
            WellnessItem::Fatigue => [
                "fresh",
                "slightly tired",
                "tired",
                "very tired",
                "exhausted",
            ],
            WellnessItem::Stress => ["relaxed", "calm", "some", "stressed", "very stressed"],
            WellnessItem::Mood => ["very low", "low", "okay", "good", "great"],
            WellnessItem::Motivation => ["dreading runs", "reluctant", "neutral", "keen", "eager"],
        }
    }

    /// The word for a value 1-5 (empty for anything else).
    pub fn word(self, value: u8) -> &'static str {
        match value {
            1..=5 => self.words()[usize::from(value - 1)],
            _ => "",
        }
    }

    /// True when 5 is the best end of the scale.
    pub fn higher_is_better(self) -> bool {
        matches!(
            self,
            WellnessItem::SleepQuality | WellnessItem::Mood | WellnessItem::Motivation
        )
    }

    /// The item's value in a check-in.
    pub fn get(self, e: &WellnessEntry) -> Option<u8> {
        match self {
            WellnessItem::SleepQuality => e.sleep_quality,
            WellnessItem::Soreness => e.soreness,
            WellnessItem::Fatigue => e.fatigue,
            WellnessItem::Stress => e.stress,
            WellnessItem::Mood => e.mood,
            WellnessItem::Motivation => e.motivation,
        }
    }

    /// Sets the item's value in a check-in.
    pub fn set(self, e: &mut WellnessEntry, value: Option<u8>) {
        let field = match self {
            WellnessItem::SleepQuality => &mut e.sleep_quality,
            WellnessItem::Soreness => &mut e.soreness,
            WellnessItem::Fatigue => &mut e.fatigue,
            WellnessItem::Stress => &mut e.stress,
            WellnessItem::Mood => &mut e.mood,
            WellnessItem::Motivation => &mut e.motivation,
        };
        *field = value;
    }
}
