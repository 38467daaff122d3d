//! What a screen loads as it shows: its configuration, its accounts, a part's code. A smaller
//! `LocalResource`: no suspense and no transitions, which the app does not use. Leptos's async
//! machinery behind `LocalResource` was 33 KB of the first screen's wasm (13.6 KB gzip).

use std::cell::Cell;
use std::future::Future;
use std::rc::Rc;

use leptos::prelude::*;

/// The answer of the latest load, `None` while it is under way.
pub struct Loaded<T: 'static> {
    value: RwSignal<Option<T>, LocalStorage>,
    reloads: RwSignal<u32>,
}

impl<T: 'static> Clone for Loaded<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: 'static> Copy for Loaded<T> {}

impl<T: Clone + 'static> Loaded<T> {
    /// Starts `load` at once, and again when a signal it reads (before its first `.await`)
    /// changes or [`Loaded::reload`] is called. Only the latest load's answer is kept.
    pub fn new<Fut>(load: impl Fn() -> Fut + 'static) -> Self
    where
        Fut: Future<Output = T> + 'static,
    {
        let value = RwSignal::new_local(None);
        let reloads = RwSignal::new(0_u32);
        let latest = Rc::new(Cell::new(0_u32));
        Effect::new(move |_| {
            reloads.track();
            let future = load();
            let this = latest.get().wrapping_add(1);
            latest.set(this);
            value.try_set(None);
            let latest = Rc::clone(&latest);
            leptos::task::spawn_local(async move {
                let answer = future.await;
                // A newer load has begun, or the screen is gone: this answer is not shown.
                if latest.get() == this {
                    value.try_set(Some(answer));
                }
            });
        });
        Self { value, reloads }
    }

    /// The latest answer (tracked), `None` while it loads.
    pub fn get(&self) -> Option<T> {
        self.value.get()
    }

    /// Loads again; `None` until the new answer comes.
    pub fn reload(&self) {
        self.reloads.update(|n| *n = n.wrapping_add(1));
    }
}
