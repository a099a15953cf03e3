//! Writing serde types as the values the browser's `JSON.stringify` writes as text, in the
//! browser: objects, arrays, strings, numbers, booleans and null, as serde_json writes them
//! natively (a struct's members in their order, an absent option as `null`, a unit variant as
//! its name). Only what the app's types use is written; anything else (bytes, a map with keys
//! that are not strings) is an error.

use js_sys::{Array, Object, Reflect};
use serde::ser::{self, Serialize};
use wasm_bindgen::JsValue;

/// The value cannot be written as JSON.
#[derive(Debug)]
pub struct NotWritable;

impl std::fmt::Display for NotWritable {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("not writable as JSON")
    }
}

impl std::error::Error for NotWritable {}

impl ser::Error for NotWritable {
    fn custom<T: std::fmt::Display>(_: T) -> Self {
        NotWritable
    }
}

/// `value` as a JavaScript value `JSON.stringify` writes.
pub fn write<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, NotWritable> {
    value.serialize(ToJs)
}

/// Writes one value.
struct ToJs;

/// An array being written.
struct Elements(Array);

/// An object being written.
struct Members(Object);

impl Members {
    fn set(&self, key: &str, value: JsValue) -> Result<(), NotWritable> {
        Reflect::set(&self.0, &key.into(), &value)
            .map(drop)
            .map_err(|_| NotWritable)
    }
}

impl ser::Serializer for ToJs {
    type Ok = JsValue;
    type Error = NotWritable;
    type SerializeSeq = Elements;
    type SerializeTuple = Elements;
    type SerializeTupleStruct = Elements;
    type SerializeTupleVariant = ser::Impossible<JsValue, NotWritable>;
    type SerializeMap = ser::Impossible<JsValue, NotWritable>;
    type SerializeStruct = Members;
    type SerializeStructVariant = ser::Impossible<JsValue, NotWritable>;

    fn serialize_bool(self, v: bool) -> Result<JsValue, NotWritable> {
        Ok(v.into())
    }
    fn serialize_i8(self, v: i8) -> Result<JsValue, NotWritable> {
        Ok(v.into())
    }
    fn serialize_i16(self, v: i16) -> Result<JsValue, NotWritable> {
        Ok(v.into())
    }
    fn serialize_i32(self, v: i32) -> Result<JsValue, NotWritable> {
        Ok(v.into())
    }
    fn serialize_i64(self, v: i64) -> Result<JsValue, NotWritable> {
        Ok(JsValue::from_f64(v as f64))
    }
    fn serialize_u8(self, v: u8) -> Result<JsValue, NotWritable> {
        Ok(v.into())
    }
    fn serialize_u16(self, v: u16) -> Result<JsValue, NotWritable> {
        Ok(v.into())
    }
    fn serialize_u32(self, v: u32) -> Result<JsValue, NotWritable> {
        Ok(v.into())
    }
    fn serialize_u64(self, v: u64) -> Result<JsValue, NotWritable> {
        Ok(JsValue::from_f64(v as f64))
    }
    fn serialize_f32(self, v: f32) -> Result<JsValue, NotWritable> {
        Ok(JsValue::from_f64(f64::from(v)))
    }
    fn serialize_f64(self, v: f64) -> Result<JsValue, NotWritable> {
        Ok(JsValue::from_f64(v))
    }
    fn serialize_char(self, v: char) -> Result<JsValue, NotWritable> {
        Ok(JsValue::from_str(v.encode_utf8(&mut [0; 4])))
    }
    fn serialize_str(self, v: &str) -> Result<JsValue, NotWritable> {
        Ok(JsValue::from_str(v))
    }
    fn serialize_bytes(self, _: &[u8]) -> Result<JsValue, NotWritable> {
        Err(NotWritable)
    }
    fn serialize_none(self) -> Result<JsValue, NotWritable> {
        Ok(JsValue::NULL)
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<JsValue, NotWritable> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<JsValue, NotWritable> {
        Ok(JsValue::NULL)
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<JsValue, NotWritable> {
        Ok(JsValue::NULL)
    }
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<JsValue, NotWritable> {
        Ok(JsValue::from_str(variant))
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<JsValue, NotWritable> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<JsValue, NotWritable> {
        Err(NotWritable)
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Elements, NotWritable> {
        Ok(Elements(Array::new()))
    }
    fn serialize_tuple(self, _: usize) -> Result<Elements, NotWritable> {
        Ok(Elements(Array::new()))
    }
    fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Elements, NotWritable> {
        Ok(Elements(Array::new()))
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, NotWritable> {
        Err(NotWritable)
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, NotWritable> {
        Err(NotWritable)
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Members, NotWritable> {
        Ok(Members(Object::new()))
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, NotWritable> {
        Err(NotWritable)
    }
}

impl Elements {
    fn push<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), NotWritable> {
        self.0.push(&value.serialize(ToJs)?);
        Ok(())
    }
}

impl ser::SerializeSeq for Elements {
    type Ok = JsValue;
    type Error = NotWritable;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), NotWritable> {
        self.push(value)
    }
    fn end(self) -> Result<JsValue, NotWritable> {
        Ok(self.0.into())
    }
}

impl ser::SerializeTuple for Elements {
    type Ok = JsValue;
    type Error = NotWritable;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), NotWritable> {
        self.push(value)
    }
    fn end(self) -> Result<JsValue, NotWritable> {
        Ok(self.0.into())
    }
}

impl ser::SerializeTupleStruct for Elements {
    type Ok = JsValue;
    type Error = NotWritable;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), NotWritable> {
        self.push(value)
    }
    fn end(self) -> Result<JsValue, NotWritable> {
        Ok(self.0.into())
    }
}

impl ser::SerializeStruct for Members {
    type Ok = JsValue;
    type Error = NotWritable;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), NotWritable> {
        self.set(key, value.serialize(ToJs)?)
    }
    fn end(self) -> Result<JsValue, NotWritable> {
        Ok(self.0.into())
    }
}
