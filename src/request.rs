//! Rerun requests and how they coalesce.
//!
//! The page turns each interaction into a [`RerunRequest`]. Requests that
//! arrive before a run starts are merged: the newest value per widget wins, a
//! button press is never lost, fragment reruns queue up, and a full rerun
//! takes in every queued fragment rerun.
//!
//! ```
//! use wasmlit::{RerunRequest, WidgetEvent, WidgetValue, identity::WidgetId};
//! let (slider, button) = (WidgetId(1), WidgetId(2));
//! let mut pending = RerunRequest::default();
//! pending.push(WidgetEvent { id: button, value: WidgetValue::Trigger(true) });
//! pending.push(WidgetEvent { id: slider, value: WidgetValue::Number(1.0) });
//! let mut newer = RerunRequest::default();
//! newer.push(WidgetEvent { id: slider, value: WidgetValue::Number(2.0) });
//! newer.push(WidgetEvent { id: button, value: WidgetValue::Trigger(false) });
//! pending.merge(newer);
//! assert_eq!(pending.value(slider), Some(&WidgetValue::Number(2.0)));
//! assert_eq!(pending.value(button), Some(&WidgetValue::Trigger(true)));
//! ```

use std::collections::{BTreeMap, BTreeSet};

use crate::element::{FragmentId, WidgetEvent, WidgetValue};
use crate::identity::WidgetId;

/// A request to rerun, carrying the widget values the page changed.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RerunRequest {
    values: BTreeMap<WidgetId, WidgetValue>,
    /// Fragments asked to rerun on their own (timers, `rerun_fragment()`).
    fragments: BTreeSet<FragmentId>,
    /// A full rerun was asked for explicitly (menu "Rerun", `rerun()`).
    full: bool,
    /// Presses handed back by an interrupted run: their callbacks already ran, so the next
    /// run sees the press but does not call them again (one callback per interaction).
    called_back: BTreeSet<WidgetId>,
}

impl RerunRequest {
    /// A request carrying one widget value.
    pub fn from_event(event: WidgetEvent) -> Self {
        let mut request = RerunRequest::default();
        request.push(event);
        request
    }

    /// A request to rerun the whole script.
    pub fn full() -> Self {
        RerunRequest { full: true, ..RerunRequest::default() }
    }

    /// A request to rerun one fragment on its own.
    pub fn fragment(id: FragmentId) -> Self {
        RerunRequest { fragments: BTreeSet::from([id]), ..RerunRequest::default() }
    }

    /// Adds a widget value; a pending button press (or chat submission) survives a newer
    /// release.
    pub fn push(&mut self, event: WidgetEvent) {
        // A component's trigger values of one task all reach the run (newer state wins).
        #[cfg(feature = "components")]
        let mut event = event;
        #[cfg(feature = "components")]
        if let (Some(WidgetValue::Component(older)), WidgetValue::Component(newer)) =
            (self.values.get(&event.id), &mut event.value)
        {
            for (name, value) in &older.triggers {
                newer.triggers.entry(name.clone()).or_insert_with(|| value.clone());
            }
        }
        let keep_trigger = self.values.get(&event.id).is_some_and(WidgetValue::is_pending_trigger)
            && matches!(
                event.value,
                WidgetValue::Trigger(false) | WidgetValue::TextTrigger(None) | WidgetValue::ChatTrigger(None)
            );
        if event.value.is_pending_trigger() {
            // A new press: its callback has not run yet.
            self.called_back.remove(&event.id);
        }
        if !keep_trigger {
            self.values.insert(event.id, event.value);
        }
    }

    /// Hands back a press (or submission, `value`) whose callback has already run (see
    /// [`Session::interrupt_run`](crate::Session::interrupt_run)).
    pub(crate) fn push_called_back(&mut self, id: WidgetId, value: WidgetValue) {
        self.push(WidgetEvent { id, value });
        self.called_back.insert(id);
    }

    /// Folds a newer request into this one.
    pub fn merge(&mut self, newer: RerunRequest) {
        for (id, value) in newer.values {
            if !newer.called_back.contains(&id) {
                self.push(WidgetEvent { id, value });
            } else if !self.values.get(&id).is_some_and(WidgetValue::is_pending_trigger) {
                // A press already waiting here keeps its own callback.
                self.push_called_back(id, value);
            }
        }
        self.fragments.extend(newer.fragments);
        self.full |= newer.full;
    }

    /// The value this request carries for `id`.
    pub fn value(&self, id: WidgetId) -> Option<&WidgetValue> {
        self.values.get(&id)
    }

    /// The widgets this request carries values for.
    pub fn ids(&self) -> impl Iterator<Item = WidgetId> + '_ {
        self.values.keys().copied()
    }

    /// The widget values, in id order.
    pub(crate) fn values(&self) -> &BTreeMap<WidgetId, WidgetValue> {
        &self.values
    }

    /// Whether `id` is a press handed back by an interrupted run whose callback already ran.
    pub(crate) fn called_back(&self, id: WidgetId) -> bool {
        self.called_back.contains(&id)
    }

    /// Fragments asked to rerun on their own.
    pub(crate) fn fragments(&self) -> &BTreeSet<FragmentId> {
        &self.fragments
    }

    /// Whether a full rerun was asked for, or nothing narrower was.
    pub(crate) fn wants_full_run(&self) -> bool {
        self.full || (self.values.is_empty() && self.fragments.is_empty())
    }

    /// Whether the request carries nothing (a plain "Rerun").
    pub fn is_empty(&self) -> bool {
        self.values.is_empty() && self.fragments.is_empty() && !self.full
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_handed_back_press_skips_its_callback_only_until_a_new_press_of_it() {
        let (button, other) = (WidgetId(1), WidgetId(2));
        let press = |id| WidgetEvent { id, value: WidgetValue::Trigger(true) };
        let mut carried = RerunRequest::default();
        carried.push_called_back(button, WidgetValue::Trigger(true));
        for newer_first in [false, true] {
            let mut unrelated = RerunRequest::from_event(WidgetEvent { id: other, value: WidgetValue::Bool(true) });
            let merged = if newer_first {
                unrelated.merge(carried.clone());
                unrelated
            } else {
                let mut merged = carried.clone();
                merged.merge(unrelated);
                merged
            };
            assert!(merged.called_back(button), "merged the other way round: {newer_first}");
            assert_eq!(merged.value(button), Some(&WidgetValue::Trigger(true)));
        }
        let mut merged = carried.clone();
        merged.merge(RerunRequest::from_event(press(button)));
        assert!(!merged.called_back(button), "a new press runs its callback");
        let mut waiting = RerunRequest::from_event(press(button));
        waiting.merge(carried);
        assert!(!waiting.called_back(button), "a press waiting before the hand-back keeps its callback");
    }
}
