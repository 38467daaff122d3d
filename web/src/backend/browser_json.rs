//! JSON parsed by the browser (`JSON.parse`) and read by the core's hand readers
//! (`assistant_core::json`): what the first screen reads (its configuration, the accounts, a
//! problem, a glance at a save) needs neither serde_json's parser nor serde's derived readers in
//! its wasm (26 KB gzip).

use assistant_core::json::FromJson;
#[cfg(target_arch = "wasm32")]
use {
    assistant_core::json::Json,
    js_sys::{Array, Object},
    wasm_bindgen::{JsCast, JsValue},
};

/// A value the browser parsed.
#[cfg(target_arch = "wasm32")]
struct Parsed(JsValue);

#[cfg(target_arch = "wasm32")]
impl Json for Parsed {
    fn member(&self, key: &str) -> Option<Self> {
        if !self.is_object() {
            return None;
        }
        let key = JsValue::from_str(key);
        // Only the object's own members: never one it inherits, such as `constructor`.
        Object::has_own(self.0.unchecked_ref::<Object>(), &key)
            .then(|| js_sys::Reflect::get(&self.0, &key).ok().map(Parsed))
            .flatten()
    }

    fn text(&self) -> Option<String> {
        self.0.as_string()
    }

    fn number(&self) -> Option<f64> {
        self.0.as_f64()
    }

    fn elements(&self) -> Option<Vec<Self>> {
        Array::is_array(&self.0)
            .then(|| self.0.unchecked_ref::<Array>().iter().map(Parsed).collect())
    }

    fn is_null(&self) -> bool {
        self.0.is_null()
    }

    fn is_object(&self) -> bool {
        self.0.is_object() && !Array::is_array(&self.0)
    }
}

/// `text` parsed by the browser and read as `T`; `None` when it is not JSON or not a `T`.
/// Natively (the app's unit tests) serde_json parses it, and the same reader reads it.
pub fn read_json<T: FromJson>(text: &str) -> Option<T> {
    #[cfg(target_arch = "wasm32")]
    let parsed = Parsed(js_sys::JSON::parse(text).ok()?);
    #[cfg(not(target_arch = "wasm32"))]
    let parsed = serde_json::from_str::<serde_json::Value>(text).ok()?;
    T::from_json(&parsed)
}
