//! Where the assistant is placed: the whole page (`index.html`), or a widget inside a host page.
//! What differs lives here: who owns the document's title and language, where elements are looked
//! up (the document, or the widget's shadow root), and the events a widget sends its host.

use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

use crate::host_event::{DetailValue, HostEvent};

/// The widget's place in the host page.
#[derive(Clone)]
struct WidgetHost {
    /// The host's element (`<partner-migration-assistant>`, or the one given to `mount`): events
    /// are dispatched on it.
    element: web_sys::HtmlElement,
    /// The shadow root the widget lives in.
    root: web_sys::ShadowRoot,
    /// The widget's own outermost element, inside the shadow root.
    container: web_sys::HtmlElement,
}

/// Where the assistant is placed; in context for every component.
#[derive(Clone, Copy)]
pub struct Placement(StoredValue<Option<WidgetHost>, LocalStorage>);

impl Placement {
    /// The whole page.
    pub fn page() -> Self {
        Self(StoredValue::new_local(None))
    }

    /// A widget: `container` inside the shadow root `root` of the host's `element`.
    pub fn widget(
        element: web_sys::HtmlElement,
        root: web_sys::ShadowRoot,
        container: web_sys::HtmlElement,
    ) -> Self {
        Self(StoredValue::new_local(Some(WidgetHost {
            element,
            root,
            container,
        })))
    }

    /// Whether the assistant is the whole page (it then owns the title and the address).
    pub fn is_page(&self) -> bool {
        self.0.with_value(Option::is_none)
    }

    /// The element of the assistant with this `id`.
    pub fn element_by_id(&self, id: &str) -> Option<web_sys::HtmlElement> {
        let element = match self.0.get_value() {
            Some(host) => host.root.get_element_by_id(id),
            None => document().get_element_by_id(id),
        };
        element.and_then(|e| e.dyn_into().ok())
    }

    /// Marks the assistant's language: the document's for a page, the widget's own element for a
    /// widget (the host's document keeps its language).
    pub fn set_language(&self, tag: &str) {
        let element = match self.0.get_value() {
            Some(host) => Some(host.container.unchecked_into::<web_sys::Element>()),
            None => document().document_element(),
        };
        if let Some(element) = element {
            let _ = element.set_attribute("lang", tag);
        }
    }

    /// Tells the host something happened: a `CustomEvent` on the host's element, bubbling and
    /// composed (it crosses the shadow root), with its detail as a plain object. Nothing on a
    /// page of its own. Inlined, so each caller (most in a chunk) holds only its own event's
    /// fields.
    #[inline(always)]
    pub fn emit(&self, event: HostEvent<'_>) {
        if self.is_page() {
            return;
        }
        let object = js_sys::Object::new();
        event.detail(|key, value| set_field(&object, key, value));
        self.dispatch(event.name(), &object);
    }

    fn dispatch(&self, name: &str, detail: &js_sys::Object) {
        let Some(host) = self.0.get_value() else {
            return;
        };
        let init = web_sys::CustomEventInit::new();
        init.set_bubbles(true);
        init.set_composed(true);
        init.set_detail(detail);
        if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict(name, &init) {
            let _ = host.element.dispatch_event(&event);
        }
    }
}

fn set_field(object: &js_sys::Object, key: &str, value: DetailValue<'_>) {
    let value = match value {
        DetailValue::Text(text) => JsValue::from_str(text),
        DetailValue::Flag(flag) => JsValue::from_bool(flag),
        DetailValue::Null => JsValue::NULL,
    };
    let _ = js_sys::Reflect::set(object, &JsValue::from_str(key), &value);
}
