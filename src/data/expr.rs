//! A small polars-style expression: columns, literals, comparisons, boolean logic and
//! arithmetic, evaluated over a whole frame with Arrow's kernels.
//!
//! ```
//! use wasmlit::data::{col, Column, DataFrame};
//! let df = DataFrame::new(vec![("hour", Column::from(vec![9_i64, 17, 18]))]).unwrap();
//! let evening = df.filter(&col("hour").ge(17).and(col("hour").lt(18))).unwrap();
//! assert_eq!(evening.num_rows(), 1);
//! let doubled = df.with_column("twice", col("hour") * 2).unwrap();
//! assert_eq!(doubled.cell_text(2, 1), "36");
//! ```

use std::fmt;
use std::sync::Arc;

use arrow_array::cast::AsArray;
use arrow_array::types::{Float64Type, Int64Type};
use arrow_array::{Array, ArrayRef, BooleanArray, Datum, Float64Array, Int64Array, Scalar};
use arrow_buffer::{BooleanBuffer, NullBuffer};
use arrow_schema::ArrowError;
use chrono::{NaiveDate, NaiveDateTime};

use super::{Column, DataError, DataFrame, DataType, Value};

/// An expression over a frame's columns: build one with [`col`] and [`lit`], then compare,
/// combine and compute. `DataFrame::filter` keeps the rows where it is true (a null counts
/// as false); `DataFrame::with_column` stores its values.
///
/// Comparisons follow polars: a null on either side gives a null; `and`/`or` are three-valued
/// (`false and null` is `false`, `true or null` is `true`). An int compared with a float is
/// compared as a float; a date compared with a datetime is taken at midnight. Floats compare
/// in IEEE total order (NaN equals NaN and is above every number).
#[derive(Clone, Debug)]
pub struct Expr {
    kind: Kind,
}

#[derive(Clone, Debug)]
enum Kind {
    Column(String),
    Literal(Value),
    Compare(Box<Expr>, Compare, Box<Expr>),
    And(Box<Expr>, Box<Expr>),
    Or(Box<Expr>, Box<Expr>),
    Not(Box<Expr>),
    IsNull(Box<Expr>, bool),
    IsIn(Box<Expr>, Vec<Value>),
    Contains(Box<Expr>, String),
    Arithmetic(Box<Expr>, Arithmetic, Box<Expr>),
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Compare {
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Arithmetic {
    Add,
    Sub,
    Mul,
    Div,
}

/// The column named `name`.
///
/// ```
/// use wasmlit::data::{col, Column, DataFrame};
/// let df = DataFrame::new(vec![("a", Column::from(vec![1_i64, 2, 3]))]).unwrap();
/// assert_eq!(df.filter(&col("a").gt(1)).unwrap().num_rows(), 2);
/// ```
pub fn col(name: &str) -> Expr {
    Expr { kind: Kind::Column(name.to_string()) }
}

/// A constant: an int, float, bool, text, date, datetime or [`Value`].
///
/// ```
/// use wasmlit::data::{lit, Column, DataFrame};
/// let df = DataFrame::new(vec![("a", Column::from(vec![1_i64, 2]))]).unwrap();
/// let df = df.with_column("source", lit("survey")).unwrap();
/// assert_eq!(df.cell_text(1, 1), "survey");
/// ```
pub fn lit(value: impl Into<Value>) -> Expr {
    Expr { kind: Kind::Literal(value.into()) }
}

macro_rules! value_from {
    ($($t:ty => $convert:expr),* $(,)?) => {$(
        impl From<$t> for Value {
            fn from(v: $t) -> Value {
                ($convert)(v)
            }
        }
        impl From<$t> for Expr {
            fn from(v: $t) -> Expr {
                lit(v)
            }
        }
    )*};
}

value_from!(
    i64 => Value::Int,
    i32 => |v: i32| Value::Int(i64::from(v)),
    u32 => |v: u32| Value::Int(i64::from(v)),
    f64 => Value::Float,
    f32 => |v: f32| Value::Float(f64::from(v)),
    bool => Value::Bool,
    &str => |v: &str| Value::Text(v.to_string()),
    String => Value::Text,
    NaiveDate => Value::Date,
    NaiveDateTime => Value::Datetime,
);

impl From<Value> for Expr {
    fn from(value: Value) -> Expr {
        lit(value)
    }
}

impl Expr {
    fn compare(self, op: Compare, other: impl Into<Expr>) -> Expr {
        Expr { kind: Kind::Compare(Box::new(self), op, Box::new(other.into())) }
    }

    /// Equal to `other` (a value or an expression).
    pub fn eq(self, other: impl Into<Expr>) -> Expr {
        self.compare(Compare::Eq, other)
    }

    /// Not equal to `other`.
    pub fn ne(self, other: impl Into<Expr>) -> Expr {
        self.compare(Compare::Ne, other)
    }

    /// Less than `other`.
    pub fn lt(self, other: impl Into<Expr>) -> Expr {
        self.compare(Compare::Lt, other)
    }

    /// Less than or equal to `other`.
    pub fn le(self, other: impl Into<Expr>) -> Expr {
        self.compare(Compare::Le, other)
    }

    /// Greater than `other`.
    pub fn gt(self, other: impl Into<Expr>) -> Expr {
        self.compare(Compare::Gt, other)
    }

    /// Greater than or equal to `other`.
    pub fn ge(self, other: impl Into<Expr>) -> Expr {
        self.compare(Compare::Ge, other)
    }

    /// Both true (three-valued: `false and null` is `false`).
    pub fn and(self, other: Expr) -> Expr {
        Expr { kind: Kind::And(Box::new(self), Box::new(other)) }
    }

    /// Either true (three-valued: `true or null` is `true`).
    pub fn or(self, other: Expr) -> Expr {
        Expr { kind: Kind::Or(Box::new(self), Box::new(other)) }
    }

    /// The negation (a null stays null). `!expr` does the same.
    #[allow(clippy::should_implement_trait)]
    pub fn not(self) -> Expr {
        Expr { kind: Kind::Not(Box::new(self)) }
    }

    /// Whether the value is null (never null itself).
    ///
    /// ```
    /// use wasmlit::data::{col, Column, DataFrame};
    /// let df = DataFrame::new(vec![("a", Column::from(vec![Some(1_i64), None]))]).unwrap();
    /// assert_eq!(df.filter(&col("a").is_null()).unwrap().num_rows(), 1);
    /// ```
    pub fn is_null(self) -> Expr {
        Expr { kind: Kind::IsNull(Box::new(self), true) }
    }

    /// Whether the value is not null.
    pub fn is_not_null(self) -> Expr {
        Expr { kind: Kind::IsNull(Box::new(self), false) }
    }

    /// Whether the value is one of `values` (a null stays null).
    ///
    /// ```
    /// use wasmlit::data::{col, Column, DataFrame};
    /// let df = DataFrame::new(vec![("city", Column::from(vec!["Paris", "Lyon", "Nice"]))]).unwrap();
    /// assert_eq!(df.filter(&col("city").is_in(["Nice", "Paris"])).unwrap().num_rows(), 2);
    /// ```
    pub fn is_in<V: Into<Value>>(self, values: impl IntoIterator<Item = V>) -> Expr {
        Expr { kind: Kind::IsIn(Box::new(self), values.into_iter().map(Into::into).collect()) }
    }

    /// Whether a text value contains `needle` (case-sensitive).
    pub fn contains(self, needle: &str) -> Expr {
        Expr { kind: Kind::Contains(Box::new(self), needle.to_string()) }
    }

    fn arithmetic(self, op: Arithmetic, other: Expr) -> Expr {
        Expr { kind: Kind::Arithmetic(Box::new(self), op, Box::new(other)) }
    }

    /// The values of the expression over `frame`, one per row (a constant is repeated).
    pub fn evaluate(&self, frame: &DataFrame) -> Result<ArrayRef, DataError> {
        match self.eval(frame)? {
            Evaluated::Array(array) => Ok(array),
            Evaluated::Scalar(value) => Ok(repeat(&value, frame.num_rows())),
        }
    }

    /// The expression as a row mask: it must be boolean.
    pub(crate) fn mask(&self, frame: &DataFrame) -> Result<BooleanArray, DataError> {
        let array = self.evaluate(frame)?;
        match array.as_boolean_opt() {
            Some(mask) => Ok(mask.clone()),
            None => Err(DataError::Type {
                column: self.to_string(),
                message: format!("is {}, not a true/false condition", DataType::of(array.data_type()).name()),
            }),
        }
    }

    fn eval(&self, frame: &DataFrame) -> Result<Evaluated, DataError> {
        let rows = frame.num_rows();
        match &self.kind {
            Kind::Column(name) => Ok(Evaluated::Array(frame.column(name)?.clone())),
            Kind::Literal(value) => Ok(Evaluated::Scalar(value.clone())),
            Kind::Compare(left, op, right) => {
                let (l, r) = (left.eval(frame)?, right.eval(frame)?);
                compare(*op, l, r, rows, left, right).map(|a| Evaluated::Array(Arc::new(a)))
            }
            Kind::And(left, right) | Kind::Or(left, right) => {
                let (l, r) = (left.mask(frame)?, right.mask(frame)?);
                let and = matches!(self.kind, Kind::And(..));
                Ok(Evaluated::Array(Arc::new(kleene(&l, &r, and))))
            }
            Kind::Not(inner) => {
                let mask = inner.mask(frame)?;
                Ok(Evaluated::Array(Arc::new(BooleanArray::new(!mask.values(), mask.nulls().cloned()))))
            }
            Kind::IsNull(inner, want_null) => {
                let array = inner.evaluate(frame)?;
                let valid = match array.logical_nulls() {
                    Some(nulls) => nulls.inner().clone(),
                    None => BooleanBuffer::new_set(array.len()),
                };
                let values = if *want_null { !&valid } else { valid };
                Ok(Evaluated::Array(Arc::new(BooleanArray::new(values, None))))
            }
            Kind::IsIn(inner, values) => {
                let array = inner.evaluate(frame)?;
                let mut out = BooleanArray::new(BooleanBuffer::new_unset(rows), array.logical_nulls());
                for value in values.iter().filter(|v| !v.is_null()) {
                    let equal = compare(
                        Compare::Eq,
                        Evaluated::Array(array.clone()),
                        Evaluated::Scalar(value.clone()),
                        rows,
                        inner,
                        &lit(value.clone()),
                    )?;
                    out = kleene(&out, &equal, false);
                }
                Ok(Evaluated::Array(Arc::new(out)))
            }
            Kind::Contains(inner, needle) => {
                let array = inner.evaluate(frame)?;
                let Some(text) = array.as_string_opt::<i32>() else {
                    return Err(type_error(inner, &array, "`contains` needs text"));
                };
                let out: BooleanArray = text.iter().map(|v| v.map(|v| v.contains(needle.as_str()))).collect();
                Ok(Evaluated::Array(Arc::new(out)))
            }
            Kind::Arithmetic(left, op, right) => {
                let (l, r) = (left.evaluate(frame)?, right.evaluate(frame)?);
                arithmetic(*op, &l, &r, left, right).map(Evaluated::Array)
            }
        }
    }

    /// The column this expression names, if it is a bare column (for error messages).
    fn label(&self) -> String {
        match &self.kind {
            Kind::Column(name) => name.clone(),
            _ => self.to_string(),
        }
    }
}

/// An expression's value before it is spread over the rows.
enum Evaluated {
    Array(ArrayRef),
    Scalar(Value),
}

impl Evaluated {
    fn dtype(&self) -> Option<DataType> {
        match self {
            Evaluated::Array(array) => Some(DataType::of(array.data_type())),
            Evaluated::Scalar(value) => value_type(value),
        }
    }
}

fn value_type(value: &Value) -> Option<DataType> {
    match value {
        Value::Null => None,
        Value::Int(_) => Some(DataType::Int),
        Value::Float(_) => Some(DataType::Float),
        Value::Bool(_) => Some(DataType::Bool),
        Value::Text(_) => Some(DataType::Text),
        Value::Date(_) => Some(DataType::Date),
        Value::Datetime(_) => Some(DataType::Datetime),
    }
}

/// `value` repeated `rows` times, as a frame column.
pub(crate) fn repeat(value: &Value, rows: usize) -> ArrayRef {
    let column = match value {
        Value::Null => Column::Text(vec![None; rows]),
        Value::Int(v) => Column::Int(vec![Some(*v); rows]),
        Value::Float(v) => Column::Float(vec![Some(*v); rows]),
        Value::Bool(v) => Column::Bool(vec![Some(*v); rows]),
        Value::Text(v) => Column::Text(vec![Some(v.clone()); rows]),
        Value::Date(v) => Column::Date(vec![Some(*v); rows]),
        Value::Datetime(v) => Column::Datetime(vec![Some(*v); rows]),
    };
    column.into_array()
}

fn type_error(expr: &Expr, array: &ArrayRef, message: &str) -> DataError {
    DataError::Type {
        column: expr.label(),
        message: format!("{message}, but it is {}", DataType::of(array.data_type()).name()),
    }
}

fn arrow_error(expr: &Expr, error: ArrowError) -> DataError {
    DataError::Type { column: expr.label(), message: error.to_string() }
}

/// The type two sides are compared as: equal types, int with float as float, date with
/// datetime as datetime.
fn common_type(left: DataType, right: DataType) -> Option<DataType> {
    use DataType::*;
    match (left, right) {
        (a, b) if a == b => Some(a),
        (Int, Float) | (Float, Int) => Some(Float),
        (Date, Datetime) | (Datetime, Date) => Some(Datetime),
        _ => None,
    }
}

fn cast_to(side: Evaluated, to: DataType, expr: &Expr) -> Result<Evaluated, DataError> {
    match side {
        Evaluated::Array(array) if DataType::of(array.data_type()) != to => {
            arrow_cast::cast(&array, &to.arrow()).map(Evaluated::Array).map_err(|e| arrow_error(expr, e))
        }
        Evaluated::Scalar(value) => {
            let value = match (value, to) {
                (Value::Int(v), DataType::Float) => Value::Float(v as f64),
                (Value::Date(d), DataType::Datetime) => Value::Datetime(d.and_time(chrono::NaiveTime::MIN)),
                (value, _) => value,
            };
            Ok(Evaluated::Scalar(value))
        }
        same => Ok(same),
    }
}

fn compare(
    op: Compare,
    left: Evaluated,
    right: Evaluated,
    rows: usize,
    left_expr: &Expr,
    right_expr: &Expr,
) -> Result<BooleanArray, DataError> {
    let (Some(lt), Some(rt)) = (left.dtype(), right.dtype()) else {
        // A comparison with a null literal is null on every row.
        return Ok(BooleanArray::new_null(rows));
    };
    let Some(common) = common_type(lt, rt) else {
        let (column, ct, other, ot) = match left {
            Evaluated::Array(_) => (left_expr, lt, right_expr, rt),
            Evaluated::Scalar(_) => (right_expr, rt, left_expr, lt),
        };
        return Err(DataError::Type {
            column: column.label(),
            message: format!("cannot compare {} with {} `{other}`", ct.name(), ot.name()),
        });
    };
    let left = cast_to(left, common, left_expr)?;
    let right = cast_to(right, common, right_expr)?;
    type Kernel = fn(&dyn Datum, &dyn Datum) -> Result<BooleanArray, ArrowError>;
    let kernel: Kernel = match op {
        Compare::Eq => arrow_ord::cmp::eq,
        Compare::Ne => arrow_ord::cmp::neq,
        Compare::Lt => arrow_ord::cmp::lt,
        Compare::Le => arrow_ord::cmp::lt_eq,
        Compare::Gt => arrow_ord::cmp::gt,
        Compare::Ge => arrow_ord::cmp::gt_eq,
    };
    let result = match (left, right) {
        (Evaluated::Array(l), Evaluated::Array(r)) => kernel(&l, &r),
        (Evaluated::Array(l), Evaluated::Scalar(r)) => kernel(&l, &Scalar::new(repeat(&r, 1))),
        (Evaluated::Scalar(l), Evaluated::Array(r)) => kernel(&Scalar::new(repeat(&l, 1)), &r),
        (Evaluated::Scalar(l), Evaluated::Scalar(r)) => kernel(&repeat(&l, rows), &Scalar::new(repeat(&r, 1))),
    };
    result.map_err(|e| arrow_error(left_expr, e))
}

/// Three-valued `and` (`and == true`) or `or` of two masks.
fn kleene(left: &BooleanArray, right: &BooleanArray, and: bool) -> BooleanArray {
    let len = left.len();
    let valid = |a: &BooleanArray| a.nulls().map_or_else(|| BooleanBuffer::new_set(len), |n| n.inner().clone());
    let (lv, rv) = (valid(left), valid(right));
    let (l, r) = (left.values(), right.values());
    if and {
        // Known when both are known, or either is a known false.
        let known = &(&(&lv & &rv) | &(&lv & &!l)) | &(&rv & &!r);
        BooleanArray::new(l & r, Some(NullBuffer::new(known)))
    } else {
        // Known when both are known, or either is a known true.
        let known = &(&(&lv & &rv) | &(&lv & l)) | &(&rv & r);
        BooleanArray::new(l | r, Some(NullBuffer::new(known)))
    }
}

fn arithmetic(op: Arithmetic, left: &ArrayRef, right: &ArrayRef, le: &Expr, re: &Expr) -> Result<ArrayRef, DataError> {
    let (lt, rt) = (DataType::of(left.data_type()), DataType::of(right.data_type()));
    for (t, array, expr) in [(lt, left, le), (rt, right, re)] {
        if !t.is_numeric() {
            return Err(type_error(expr, array, "arithmetic needs numbers"));
        }
    }
    if lt == DataType::Int && rt == DataType::Int && op != Arithmetic::Div {
        let (l, r) = (left.as_primitive::<Int64Type>(), right.as_primitive::<Int64Type>());
        let checked: fn(i64, i64) -> Option<i64> = match op {
            Arithmetic::Add => i64::checked_add,
            Arithmetic::Sub => i64::checked_sub,
            _ => i64::checked_mul,
        };
        let mut out = Vec::with_capacity(l.len());
        for (a, b) in l.iter().zip(r.iter()) {
            out.push(match (a, b) {
                (Some(a), Some(b)) => Some(checked(a, b).ok_or_else(|| DataError::Type {
                    column: le.label(),
                    message: format!("`{a}` and `{b}` overflow a 64-bit integer"),
                })?),
                _ => None,
            });
        }
        return Ok(Arc::new(Int64Array::from(out)));
    }
    let as_float = |array: &ArrayRef, expr: &Expr| {
        arrow_cast::cast(array, &arrow_schema::DataType::Float64).map_err(|e| arrow_error(expr, e))
    };
    let (l, r) = (as_float(left, le)?, as_float(right, re)?);
    let (l, r) = (l.as_primitive::<Float64Type>(), r.as_primitive::<Float64Type>());
    let f: fn(f64, f64) -> f64 = match op {
        Arithmetic::Add => |a: f64, b: f64| a + b,
        Arithmetic::Sub => |a: f64, b: f64| a - b,
        Arithmetic::Mul => |a: f64, b: f64| a * b,
        Arithmetic::Div => |a: f64, b: f64| a / b,
    };
    let out: Float64Array = l.iter().zip(r.iter()).map(|(a, b)| Some(f(a?, b?))).collect();
    Ok(Arc::new(out))
}

impl std::ops::Not for Expr {
    type Output = Expr;
    fn not(self) -> Expr {
        Expr::not(self)
    }
}

macro_rules! arithmetic_op {
    ($($trait:ident $method:ident $op:ident),*) => {$(
        /// Arithmetic on numbers: int with int stays int (an overflow is an error), anything
        /// with a float is a float; `/` always gives a float.
        impl<T: Into<Expr>> std::ops::$trait<T> for Expr {
            type Output = Expr;
            fn $method(self, other: T) -> Expr {
                self.arithmetic(Arithmetic::$op, other.into())
            }
        }
    )*};
}

arithmetic_op!(Add add Add, Sub sub Sub, Mul mul Mul, Div div Div);

/// Shows the expression as code, e.g. `(hour >= 17)`, for error messages.
impl fmt::Display for Expr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            Kind::Column(name) => f.write_str(name),
            Kind::Literal(Value::Text(text)) => write!(f, "{text:?}"),
            Kind::Literal(Value::Null) => f.write_str("null"),
            Kind::Literal(value) => write!(f, "{value}"),
            Kind::Compare(l, op, r) => {
                let op = match op {
                    Compare::Eq => "==",
                    Compare::Ne => "!=",
                    Compare::Lt => "<",
                    Compare::Le => "<=",
                    Compare::Gt => ">",
                    Compare::Ge => ">=",
                };
                write!(f, "({l} {op} {r})")
            }
            Kind::And(l, r) => write!(f, "({l} and {r})"),
            Kind::Or(l, r) => write!(f, "({l} or {r})"),
            Kind::Not(inner) => write!(f, "not {inner}"),
            Kind::IsNull(inner, true) => write!(f, "{inner}.is_null()"),
            Kind::IsNull(inner, false) => write!(f, "{inner}.is_not_null()"),
            Kind::IsIn(inner, values) => {
                let values: Vec<String> = values.iter().map(|v| lit(v.clone()).to_string()).collect();
                write!(f, "{inner}.is_in([{}])", values.join(", "))
            }
            Kind::Contains(inner, needle) => write!(f, "{inner}.contains({needle:?})"),
            Kind::Arithmetic(l, op, r) => {
                let op = match op {
                    Arithmetic::Add => "+",
                    Arithmetic::Sub => "-",
                    Arithmetic::Mul => "*",
                    Arithmetic::Div => "/",
                };
                write!(f, "({l} {op} {r})")
            }
        }
    }
}
