//! Reading what the browser's `JSON.parse` gives (null, booleans, numbers, strings, arrays and
//! plain objects) into serde types, in the browser. A value of an unexpected type is an error
//! that says nothing more: the app only ever needs to know that a value could not be read (a
//! setting of the wrong type, a draft another release stored), never serde's sentence about it,
//! whose formatting would bring Rust's float printing into the wasm.
//!
//! Each `deserialize_*` asks for the one JSON type it reads (a struct for an object, a string
//! for a string): the code serde generates for each type then carries only that branch, and an
//! unknown member is skipped without being read.

use js_sys::{Array, Number, Object};
use serde::de::{self, DeserializeSeed, IntoDeserializer, Visitor};
use wasm_bindgen::{JsCast, JsValue};

/// A JSON value the browser parsed, to be read as a serde type.
pub struct FromJs(pub JsValue);

/// The value is not what was asked for.
#[derive(Debug)]
pub struct NotReadable;

impl std::fmt::Display for NotReadable {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("not the expected JSON")
    }
}

impl std::error::Error for NotReadable {}

impl de::Error for NotReadable {
    fn custom<T: std::fmt::Display>(_: T) -> Self {
        NotReadable
    }
    fn invalid_type(_: de::Unexpected, _: &dyn de::Expected) -> Self {
        NotReadable
    }
    fn invalid_value(_: de::Unexpected, _: &dyn de::Expected) -> Self {
        NotReadable
    }
    fn invalid_length(_: usize, _: &dyn de::Expected) -> Self {
        NotReadable
    }
    fn unknown_variant(_: &str, _: &'static [&'static str]) -> Self {
        NotReadable
    }
    fn unknown_field(_: &str, _: &'static [&'static str]) -> Self {
        NotReadable
    }
    fn missing_field(_: &'static str) -> Self {
        NotReadable
    }
    fn duplicate_field(_: &'static str) -> Self {
        NotReadable
    }
}

/// `value` as a JSON object; `None` for anything else (an array, which JavaScript counts as an
/// object too, a string, null).
pub fn plain_object(value: JsValue) -> Option<Object> {
    if Array::is_array(&value) {
        return None;
    }
    value.dyn_into::<Object>().ok()
}

/// Reads `value` as a `T`.
pub fn read<T: de::DeserializeOwned>(value: JsValue) -> Result<T, NotReadable> {
    T::deserialize(FromJs(value))
}

impl FromJs {
    fn is_absent(&self) -> bool {
        self.0.is_null() || self.0.is_undefined()
    }

    fn string(self) -> Result<String, NotReadable> {
        self.0.as_string().ok_or(NotReadable)
    }

    /// A whole number JavaScript holds exactly (a JSON number has no other integers).
    fn whole(&self) -> Option<i64> {
        let n = self.0.as_f64()?;
        Number::is_safe_integer(&self.0).then_some(n as i64)
    }

    fn elements(self) -> Result<Elements, NotReadable> {
        Array::is_array(&self.0)
            .then(|| Elements {
                array: self.0.unchecked_into(),
                next: 0,
            })
            .ok_or(NotReadable)
    }

    fn members(self) -> Result<Members, NotReadable> {
        let object = plain_object(self.0).ok_or(NotReadable)?;
        Ok(Members {
            entries: Object::entries(&object),
            next: 0,
            value: None,
        })
    }
}

/// An array's elements, one at a time.
struct Elements {
    array: Array,
    next: u32,
}

impl<'de> de::SeqAccess<'de> for Elements {
    type Error = NotReadable;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, NotReadable> {
        if self.next >= self.array.length() {
            return Ok(None);
        }
        self.next += 1;
        seed.deserialize(FromJs(self.array.get(self.next - 1)))
            .map(Some)
    }
}

/// An object's members, `[name, value]` pairs as `Object.entries` gives them.
struct Members {
    entries: Array,
    next: u32,
    value: Option<JsValue>,
}

impl<'de> de::MapAccess<'de> for Members {
    type Error = NotReadable;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, NotReadable> {
        if self.next >= self.entries.length() {
            return Ok(None);
        }
        let pair: Array = self.entries.get(self.next).unchecked_into();
        self.next += 1;
        self.value = Some(pair.get(1));
        let name = FromJs(pair.get(0)).string()?;
        seed.deserialize(name.into_deserializer()).map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(
        &mut self,
        seed: V,
    ) -> Result<V::Value, NotReadable> {
        seed.deserialize(FromJs(self.value.take().ok_or(NotReadable)?))
    }
}

impl<'de> de::Deserializer<'de> for FromJs {
    type Error = NotReadable;

    /// Whatever the value is (what an untagged enum asks for).
    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, NotReadable> {
        if self.is_absent() {
            visitor.visit_unit()
        } else if let Some(b) = self.0.as_bool() {
            visitor.visit_bool(b)
        } else if let Some(n) = self.whole() {
            visitor.visit_i64(n)
        } else if let Some(n) = self.0.as_f64() {
            visitor.visit_f64(n)
        } else if self.0.is_string() {
            visitor.visit_string(self.string()?)
        } else if Array::is_array(&self.0) {
            visitor.visit_seq(self.elements()?)
        } else {
            visitor.visit_map(self.members()?)
        }
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, NotReadable> {
        visitor.visit_bool(self.0.as_bool().ok_or(NotReadable)?)
    }

    fn deserialize_i64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, NotReadable> {
        visitor.visit_i64(self.whole().ok_or(NotReadable)?)
    }

    fn deserialize_f64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, NotReadable> {
        visitor.visit_f64(self.0.as_f64().ok_or(NotReadable)?)
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, NotReadable> {
        visitor.visit_string(self.string()?)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, NotReadable> {
        if self.is_absent() {
            visitor.visit_none()
        } else {
            visitor.visit_some(self)
        }
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, NotReadable> {
        visitor.visit_seq(self.elements()?)
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, NotReadable> {
        visitor.visit_map(self.members()?)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, NotReadable> {
        visitor.visit_map(self.members()?)
    }

    /// A unit variant, written as its name (`"customer"`).
    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, NotReadable> {
        visitor.visit_enum(self.string()?.into_deserializer())
    }

    /// A member no field wants: skipped, not read.
    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, NotReadable> {
        visitor.visit_unit()
    }

    /// A member's name, or a unit variant's.
    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, NotReadable> {
        self.deserialize_string(visitor)
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, NotReadable> {
        self.deserialize_string(visitor)
    }

    // Every integer is a whole JSON number; the visitor checks its range.
    fn deserialize_u8<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, NotReadable> {
        self.deserialize_i64(visitor)
    }

    fn deserialize_u16<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, NotReadable> {
        self.deserialize_i64(visitor)
    }

    fn deserialize_u32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, NotReadable> {
        self.deserialize_i64(visitor)
    }

    fn deserialize_u64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, NotReadable> {
        self.deserialize_i64(visitor)
    }

    fn deserialize_i32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, NotReadable> {
        self.deserialize_i64(visitor)
    }

    serde::forward_to_deserialize_any! {
        i8 i16 i128 u128 f32 char bytes byte_buf unit unit_struct newtype_struct tuple
        tuple_struct
    }
}
