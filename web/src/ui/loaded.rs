//! What a screen loads as it shows: its configuration, its accounts, a part's code. A smaller
//! `LocalResource`: no suspense and no transitions, which the app does not use. Leptos's async
//! machinery behind `LocalResource` was 33 KB of the first screen's wasm (13.6 KB gzip).

use std::any::Any;
use std::cell::Cell;
use std::future::Future;
use std::marker::PhantomData;
use std::pin::Pin;
use std::rc::Rc;

use leptos::prelude::*;

/// An answer of any type, and the load that gives it: what every `Loaded` shares, so that its
/// machinery is compiled once rather than once per type (that was 8 KB of the first screen's wasm).
type Answer = Rc<dyn Any>;
type Load = Box<dyn Fn() -> Pin<Box<dyn Future<Output = Answer>>>>;

/// The answer of the latest load, `None` while it is under way.
pub struct Loaded<T: 'static> {
    value: RwSignal<Option<Answer>, LocalStorage>,
    reloads: RwSignal<u32>,
    answer: PhantomData<fn() -> T>,
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
        let (value, reloads) = start(Box::new(move || {
            // Called at once, so the signals it reads are tracked.
            let future = load();
            Box::pin(async move { Rc::new(future.await) as Answer })
        }));
        Self {
            value,
            reloads,
            answer: PhantomData,
        }
    }

    /// The latest answer (tracked), `None` while it loads.
    pub fn get(&self) -> Option<T> {
        self.value.with(|answer| {
            answer
                .as_ref()
                .and_then(|answer| answer.downcast_ref::<T>())
                .cloned()
        })
    }

    /// Loads again; `None` until the new answer comes.
    pub fn reload(&self) {
        self.reloads.update(|n| *n = n.wrapping_add(1));
    }
}

fn start(load: Load) -> (RwSignal<Option<Answer>, LocalStorage>, RwSignal<u32>) {
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
    (value, reloads)
}

/// What a screen shows while its data loads: a sentence that says so, announced and marked busy,
/// with the outline of the accounts list under it in grey (drawn by the stylesheet). The page's
/// frame in `index.html` is the app's first view with this in its main landmark (a test keeps
/// them equal), so the app takes over the frame with nothing moving.
pub fn loading(message: fn(crate::i18n::Locale) -> &'static str) -> AnyView {
    view! {
        <p class="pma-body pma-loading" role="status" aria-busy="true">
            {crate::i18n::text(message)}
        </p>
    }
    .into_any()
}
