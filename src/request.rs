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

    /// Adds a widget value; a pending button press survives a newer release.
    pub fn push(&mut self, event: WidgetEvent) {
        let keep_trigger = self.values.get(&event.id) == Some(&WidgetValue::Trigger(true))
            && matches!(event.value, WidgetValue::Trigger(false));
        if !keep_trigger {
            self.values.insert(event.id, event.value);
        }
    }

    /// Folds a newer request into this one.
    pub fn merge(&mut self, newer: RerunRequest) {
        for (id, value) in newer.values {
            self.push(WidgetEvent { id, value });
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
