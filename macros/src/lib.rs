//! The macros of [wasmlit](https://docs.rs/wasmlit): Streamlit's caching decorators as Rust
//! attributes, `#[derive(CacheKey)]`, and `echo!` (Streamlit's `with st.echo():`).
//!
//! Use them through `wasmlit` (`use wasmlit::prelude::*;`), which re-exports them and holds
//! the runtime they expand to; this crate only rewrites code.
//!
//! ```ignore
//! #[cache_data(ttl = "1h", max_entries = 100, persist)]
//! fn load(ui: &Ui, url: &str) -> Result<Data, Error> { ... }
//! ```
//!
//! expands to a function with the same signature whose body computes the cache key (the
//! function's identity plus a hash of the arguments that are not a `&Ui` and whose names do
//! not start with `_`), returns a copy of the cached value on a hit, and runs the original
//! body on a miss; plus, for free functions, a companion module `load` with `clear()` and
//! `clear_entry(url)`.

use proc_macro::TokenStream;
use proc_macro2::{Span, TokenStream as TokenStream2};
use quote::{format_ident, quote, ToTokens};
use syn::parse::{Parse, ParseStream};
use syn::punctuated::Punctuated;
use syn::spanned::Spanned;
use syn::{
    parse_macro_input, Data, DeriveInput, Expr, ExprLit, FnArg, GenericArgument, ItemFn, Lit, Meta, Pat, PathArguments,
    ReturnType, Token, Type,
};

/// Caches what a function returns, keyed by its arguments (Streamlit's `@st.cache_data`).
///
/// Options: `ttl = "1h"` (or seconds), `max_entries = 100`, `persist` (keep values in
/// IndexedDB across page loads; the value must be serde-serializable), `show_spinner = false`
/// or `show_spinner = "Loading…"`. See `wasmlit::cache` for the semantics.
#[proc_macro_attribute]
pub fn cache_data(attr: TokenStream, item: TokenStream) -> TokenStream {
    expand(Kind::Data, attr, item)
}

/// Caches one shared value (`Rc<T>`) per argument set (Streamlit's `@st.cache_resource`).
///
/// The function is declared to return `Rc<T>` (or `Result<Rc<T>, E>`) and its body builds a
/// `T` (or `Result<T, E>`). Options: `ttl`, `max_entries`, `show_spinner`, `validate = f`
/// (`fn(&T) -> bool`, run on every access), `on_release = f` (`fn(&T)`, run on eviction).
#[proc_macro_attribute]
pub fn cache_resource(attr: TokenStream, item: TokenStream) -> TokenStream {
    expand(Kind::Resource, attr, item)
}

/// Derives `wasmlit::cache::CacheKey`: every field, in order, with its name.
#[proc_macro_derive(CacheKey)]
pub fn derive_cache_key(item: TokenStream) -> TokenStream {
    let input = parse_macro_input!(item as DeriveInput);
    derive(input).unwrap_or_else(syn::Error::into_compile_error).into()
}

#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Data,
    Resource,
}

impl Kind {
    fn attribute(self) -> &'static str {
        match self {
            Kind::Data => "cache_data",
            Kind::Resource => "cache_resource",
        }
    }
}

enum Spinner {
    Default,
    Off,
    Text(String),
}

struct Options {
    ttl: Option<f64>,
    max_entries: Option<u64>,
    persist: bool,
    spinner: Spinner,
    validate: Option<Expr>,
    on_release: Option<Expr>,
    /// The tokens of the options, hashed with the function: new options, new cache.
    tokens: String,
}

struct Args(Punctuated<Meta, Token![,]>);

impl Parse for Args {
    fn parse(input: ParseStream) -> syn::Result<Self> {
        Ok(Args(Punctuated::parse_terminated(input)?))
    }
}

fn parse_options(kind: Kind, args: Args) -> syn::Result<Options> {
    let mut options = Options {
        ttl: None,
        max_entries: None,
        persist: false,
        spinner: Spinner::Default,
        validate: None,
        on_release: None,
        tokens: args.0.to_token_stream().to_string(),
    };
    for meta in args.0 {
        let name = meta.path().get_ident().map(|i| i.to_string()).unwrap_or_default();
        match (name.as_str(), &meta) {
            ("persist", Meta::Path(_)) if kind == Kind::Data => options.persist = true,
            ("persist", Meta::NameValue(nv)) if kind == Kind::Data => options.persist = bool_value(&nv.value)?,
            ("persist", _) => {
                return Err(syn::Error::new(meta.span(), "cache_resource values are never persisted: use cache_data"))
            }
            ("ttl", Meta::NameValue(nv)) => options.ttl = Some(duration_value(&nv.value)?),
            ("max_entries", Meta::NameValue(nv)) => match &nv.value {
                Expr::Lit(ExprLit { lit: Lit::Int(n), .. }) => options.max_entries = Some(n.base10_parse()?),
                other => return Err(syn::Error::new(other.span(), "max_entries takes a whole number")),
            },
            ("show_spinner", Meta::NameValue(nv)) => {
                options.spinner = match &nv.value {
                    Expr::Lit(ExprLit { lit: Lit::Str(s), .. }) => Spinner::Text(s.value()),
                    other => {
                        if bool_value(other)? {
                            Spinner::Default
                        } else {
                            Spinner::Off
                        }
                    }
                }
            }
            ("validate", Meta::NameValue(nv)) if kind == Kind::Resource => options.validate = Some(nv.value.clone()),
            ("on_release", Meta::NameValue(nv)) if kind == Kind::Resource => {
                options.on_release = Some(nv.value.clone())
            }
            _ => {
                let known = match kind {
                    Kind::Data => "ttl, max_entries, persist, show_spinner",
                    Kind::Resource => "ttl, max_entries, show_spinner, validate, on_release",
                };
                return Err(syn::Error::new(
                    meta.span(),
                    format!(
                        "unknown {} option `{}`: the options are {known}",
                        kind.attribute(),
                        meta.to_token_stream()
                    ),
                ));
            }
        }
    }
    Ok(options)
}

fn bool_value(expr: &Expr) -> syn::Result<bool> {
    match expr {
        Expr::Lit(ExprLit { lit: Lit::Bool(b), .. }) => Ok(b.value),
        other => Err(syn::Error::new(other.span(), "expected `true` or `false`")),
    }
}

/// A duration in seconds: a number of seconds, or a string like `"1h23m"`, `"10s"`, `"1.5 days"`.
fn duration_value(expr: &Expr) -> syn::Result<f64> {
    let seconds = match expr {
        Expr::Lit(ExprLit { lit: Lit::Int(n), .. }) => n.base10_parse::<u64>()? as f64,
        Expr::Lit(ExprLit { lit: Lit::Float(f), .. }) => f.base10_parse::<f64>()?,
        Expr::Lit(ExprLit { lit: Lit::Str(s), .. }) => {
            parse_duration(&s.value()).map_err(|message| syn::Error::new(s.span(), message))?
        }
        other => {
            return Err(syn::Error::new(other.span(), "ttl takes seconds (`60`) or a duration string (`\"1h30m\"`)"))
        }
    };
    if !seconds.is_finite() || seconds < 0.0 {
        return Err(syn::Error::new(expr.span(), "ttl must be a positive duration"));
    }
    Ok(seconds)
}

/// Shows a block's source in a code block, then runs it, as Streamlit's `with st.echo():`.
///
/// ```ignore
/// echo!(ui, {
///     let doubled = 21 * 2;
///     ui.write(format!("{doubled}"));
/// });
/// ```
///
/// draws the two lines of code (as written, comments included), then `42`. The block's value
/// is the macro's value. `echo!(ui, below, { .. })` runs the block first and shows its code
/// after its output (Streamlit's `code_location="below"`).
#[proc_macro]
pub fn echo(input: TokenStream) -> TokenStream {
    echo::expand(parse_macro_input!(input as echo::EchoInput)).into()
}

mod echo;

/// The app's public `wasmlit.toml` (path relative to the crate's `Cargo.toml`), read and
/// checked at build time: a file that is not TOML, or whose `[secrets]` or
/// `[connections.<name>]` keys look secret (`password`, `token`, `key`, `secret` as a word
/// part) without being listed in its top-level `public = [..]`, does not compile. Expands to
/// a `wasmlit::config::AppConfig` for `Session::with_config`.
///
/// ```ignore
/// let session = wasmlit::Session::new(app).with_config(wasmlit::config!("wasmlit.toml"));
/// ```
#[proc_macro]
pub fn config(input: TokenStream) -> TokenStream {
    config::expand(parse_macro_input!(input as syn::LitStr)).into()
}

mod config;

/// The same parser as the engine's `wasmlit::cache::parse_duration`, shared by path.
#[path = "../../src/cache/duration.rs"]
mod duration;
use duration::parse_seconds as parse_duration;

fn expand(kind: Kind, attr: TokenStream, item: TokenStream) -> TokenStream {
    let args = parse_macro_input!(attr as Args);
    let function = parse_macro_input!(item as ItemFn);
    let result = parse_options(kind, args).and_then(|options| expand_fn(kind, options, function));
    result.unwrap_or_else(syn::Error::into_compile_error).into()
}

/// One parameter of the cached function and its part in the key.
enum Param {
    /// The `&Ui` the function draws with: never part of the key.
    Ui(syn::Ident),
    /// `_name`: left out of the key, like Streamlit's leading underscore.
    Skipped,
    /// Part of the key.
    Key(syn::Ident, Box<Type>),
}

fn is_ui(ty: &Type) -> bool {
    let Type::Reference(reference) = ty else { return false };
    let Type::Path(path) = &*reference.elem else { return false };
    path.path.segments.last().is_some_and(|s| s.ident == "Ui" && s.arguments.is_none())
}

/// The last path segment of `ty` if it is named `name`, with its generic arguments.
fn segment_args<'a>(ty: &'a Type, name: &str) -> Option<&'a Punctuated<GenericArgument, Token![,]>> {
    let Type::Path(path) = ty else { return None };
    let last = path.path.segments.last()?;
    if last.ident != name {
        return None;
    }
    match &last.arguments {
        PathArguments::AngleBracketed(args) => Some(&args.args),
        _ => None,
    }
}

fn first_type(args: &Punctuated<GenericArgument, Token![,]>) -> Option<&Type> {
    args.iter().find_map(|arg| match arg {
        GenericArgument::Type(ty) => Some(ty),
        _ => None,
    })
}

/// For `cache_resource`: the type the body builds, from the declared `Rc<T>` / `Result<Rc<T>, E>`.
fn resource_body_type(ty: &Type) -> Option<Type> {
    if let Some(args) = segment_args(ty, "Rc") {
        return first_type(args).cloned();
    }
    let args = segment_args(ty, "Result")?;
    let shared = first_type(args)?;
    let inner = first_type(segment_args(shared, "Rc")?)?.clone();
    let mut ty = ty.clone();
    let Type::Path(path) = &mut ty else { return None };
    let PathArguments::AngleBracketed(bracketed) = &mut path.path.segments.last_mut()?.arguments else { return None };
    let first = bracketed.args.iter_mut().find(|a| matches!(a, GenericArgument::Type(_)))?;
    *first = GenericArgument::Type(inner);
    Some(ty)
}

fn expand_fn(kind: Kind, options: Options, function: ItemFn) -> syn::Result<TokenStream2> {
    let ItemFn { attrs, vis, sig, block } = function;
    let name = &sig.ident;
    let name_text = name.to_string();

    // The function's identity: its signature, its body and the options, hashed here.
    let source = format!("{} {} {}", options.tokens, sig.to_token_stream(), block.to_token_stream());
    let source_hash = xxhash_rust::xxh3::xxh3_64_with_seed(source.as_bytes(), 0);

    let mut params = Vec::new();
    let mut has_receiver = false;
    for input in &sig.inputs {
        match input {
            FnArg::Receiver(_) => has_receiver = true,
            FnArg::Typed(typed) => {
                let Pat::Ident(ident) = &*typed.pat else {
                    return Err(syn::Error::new(
                        typed.pat.span(),
                        "cached functions take named arguments (they are part of the cache key): bind the pattern inside the body",
                    ));
                };
                let ident = ident.ident.clone();
                params.push(if is_ui(&typed.ty) {
                    Param::Ui(ident)
                } else if ident.to_string().starts_with('_') {
                    Param::Skipped
                } else {
                    Param::Key(ident, typed.ty.clone())
                });
            }
        }
    }

    let ui = params.iter().find_map(|p| match p {
        Param::Ui(ident) => Some(quote!(::core::option::Option::Some(#ident))),
        _ => None,
    });
    let ui = ui.unwrap_or_else(|| quote!(::core::option::Option::None));
    let key_args: Vec<_> = params
        .iter()
        .filter_map(|p| match p {
            Param::Key(ident, ty) => Some((ident.clone(), ty.clone())),
            _ => None,
        })
        .collect();
    let hash_receiver = has_receiver.then(|| quote!(__wasmlit_key.arg("self", &self);));
    let hash_args = key_args.iter().map(|(ident, _)| {
        let text = ident.to_string();
        quote!(__wasmlit_key.arg(#text, &#ident);)
    });

    let spec_with = |constructor: TokenStream2| {
        quote! {
            ::wasmlit::cache::FunctionSpec::#constructor(
                ::core::module_path!(),
                #name_text,
                #source_hash,
                ::core::concat!(::core::env!("CARGO_PKG_NAME"), "@", ::core::env!("CARGO_PKG_VERSION")),
            )
        }
    };
    let spec = spec_with(quote!(new));
    // Inside the companion module `module_path!()` ends in `::name`.
    let companion_spec = spec_with(quote!(from_companion));
    let mut option_calls = TokenStream2::new();
    if let Some(ttl) = options.ttl {
        option_calls.extend(quote!(.ttl_secs(#ttl)));
    }
    if let Some(max) = options.max_entries {
        option_calls.extend(quote!(.max_entries(#max)));
    }
    match &options.spinner {
        Spinner::Default => {}
        Spinner::Off => option_calls.extend(quote!(.no_spinner())),
        Spinner::Text(text) => option_calls.extend(quote!(.spinner_text(#text))),
    }
    if options.persist {
        option_calls.extend(quote!(.persist()));
    }
    let cache_options = quote!(::wasmlit::cache::Options::new() #option_calls);

    let asyncness = sig.asyncness.is_some();
    let (ret_ty, fallible) = match &sig.output {
        ReturnType::Default => (syn::parse_quote!(()), false),
        ReturnType::Type(_, ty) => ((**ty).clone(), segment_args(ty, "Result").is_some()),
    };

    let call = match kind {
        Kind::Data => {
            let codec = if options.persist {
                quote!(::wasmlit::cache::Codec::serde())
            } else {
                quote!(::wasmlit::cache::Codec::none())
            };
            let body = if asyncness { quote!(async #block) } else { quote!(|| -> #ret_ty #block) };
            let function = match (fallible, asyncness) {
                (true, false) => quote!(call_result),
                (false, false) => quote!(call_value),
                (true, true) => quote!(call_result_async),
                (false, true) => quote!(call_value_async),
            };
            let wait = asyncness.then(|| quote!(.await));
            quote! {
                ::wasmlit::cache::data::#function(&__wasmlit_spec, &__wasmlit_options, __wasmlit_key.finish(), #ui, #codec, #body) #wait
            }
        }
        Kind::Resource => {
            let Some(body_ty) = resource_body_type(&ret_ty) else {
                return Err(syn::Error::new(
                    sig.output.span(),
                    "a cache_resource function returns the shared value: declare `-> Rc<T>` or `-> Result<Rc<T>, E>` and build a `T` in the body",
                ));
            };
            let validate = match &options.validate {
                Some(expr) => quote!(::core::option::Option::Some(&#expr)),
                None => quote!(::core::option::Option::None),
            };
            let on_release = match &options.on_release {
                Some(expr) => quote!(::core::option::Option::Some(::std::rc::Rc::new(#expr))),
                None => quote!(::core::option::Option::None),
            };
            let body = if asyncness { quote!(async #block) } else { quote!(|| -> #body_ty #block) };
            let function = match (fallible, asyncness) {
                (true, false) => quote!(call_result),
                (false, false) => quote!(call_value),
                (true, true) => quote!(call_result_async),
                (false, true) => quote!(call_value_async),
            };
            let wait = asyncness.then(|| quote!(.await));
            quote! {
                ::wasmlit::cache::resource::#function(&__wasmlit_spec, &__wasmlit_options, __wasmlit_key.finish(), #ui, #validate, #on_release, #body) #wait
            }
        }
    };

    let wrapper = quote! {
        #(#attrs)*
        #vis #sig {
            let __wasmlit_spec = #spec;
            let __wasmlit_options = #cache_options;
            let mut __wasmlit_key = ::wasmlit::cache::KeyHasher::new();
            #hash_receiver
            #(#hash_args)*
            #call
        }
    };

    // Methods get no companion module (an `impl` block cannot hold one).
    if has_receiver {
        return Ok(wrapper);
    }
    let generics = &sig.generics;
    let where_clause = &generics.where_clause;
    let entry_params = key_args.iter().map(|(ident, ty)| quote!(#ident: #ty));
    let hash_entry_args = key_args.iter().map(|(ident, _)| {
        let text = ident.to_string();
        quote!(__wasmlit_key.arg(#text, &#ident);)
    });
    let registry = match kind {
        Kind::Data => quote!(data),
        Kind::Resource => quote!(resource),
    };
    let clear_doc = format!("Clears every cached value of [`{name_text}`](fn@super::{name_text}).");
    let entry_doc = format!(
        "Clears the value [`{name_text}`](fn@super::{name_text}) cached for these arguments (the ones that are part of its key)."
    );
    let module_doc = format!(
        "The cache of [`{name_text}`](fn@{name_text}): `{name_text}::clear()`, `{name_text}::clear_entry(..)`."
    );
    let module = format_ident!("{}", name, span = Span::call_site());
    Ok(quote! {
        #wrapper

        #[doc = #module_doc]
        #[allow(non_snake_case, unused_imports, clippy::all)]
        #vis mod #module {
            use super::*;

            #[doc = #clear_doc]
            pub fn clear() {
                let __wasmlit_spec = #companion_spec;
                ::wasmlit::cache::#registry::clear_function(&__wasmlit_spec);
            }

            #[doc = #entry_doc]
            #[allow(clippy::needless_pass_by_value)]
            pub fn clear_entry #generics (#(#entry_params),*) #where_clause {
                let __wasmlit_spec = #companion_spec;
                let mut __wasmlit_key = ::wasmlit::cache::KeyHasher::new();
                #(#hash_entry_args)*
                ::wasmlit::cache::#registry::clear_entry(&__wasmlit_spec, __wasmlit_key.finish());
            }
        }
    })
}

fn derive(input: DeriveInput) -> syn::Result<TokenStream2> {
    let name = &input.ident;
    let (impl_generics, ty_generics, where_clause) = input.generics.split_for_impl();
    let mut where_clause = where_clause.cloned().unwrap_or_else(|| syn::parse_quote!(where));
    for param in input.generics.type_params() {
        let ident = &param.ident;
        where_clause.predicates.push(syn::parse_quote!(#ident: ::wasmlit::cache::CacheKey));
    }
    let fields_hash = |fields: &syn::Fields, access: &dyn Fn(usize, &syn::Field) -> TokenStream2| -> TokenStream2 {
        let parts = fields.iter().enumerate().map(|(index, field)| {
            let label = field.ident.as_ref().map(|i| i.to_string()).unwrap_or_else(|| index.to_string());
            let value = access(index, field);
            quote!(hasher.arg(#label, #value);)
        });
        quote!(#(#parts)*)
    };
    let body = match &input.data {
        Data::Struct(data) => fields_hash(&data.fields, &|index, field| match &field.ident {
            Some(ident) => quote!(&self.#ident),
            None => {
                let index = syn::Index::from(index);
                quote!(&self.#index)
            }
        }),
        Data::Enum(data) => {
            let arms = data.variants.iter().enumerate().map(|(index, variant)| {
                let ident = &variant.ident;
                let index = index as u64;
                let bindings: Vec<_> = (0..variant.fields.len()).map(|i| format_ident!("__field{}", i)).collect();
                let pattern = match &variant.fields {
                    syn::Fields::Named(named) => {
                        let names = named.named.iter().map(|f| f.ident.as_ref().expect("named"));
                        quote!({ #(#names: #bindings),* })
                    }
                    syn::Fields::Unnamed(_) => quote!(( #(#bindings),* )),
                    syn::Fields::Unit => quote!(),
                };
                let hashes = fields_hash(&variant.fields, &|i, _| {
                    let binding = &bindings[i];
                    quote!(#binding)
                });
                quote!(Self::#ident #pattern => { hasher.variant(#index); #hashes })
            });
            quote!(match self { #(#arms)* })
        }
        Data::Union(_) => return Err(syn::Error::new(input.span(), "CacheKey cannot be derived for a union")),
    };
    Ok(quote! {
        impl #impl_generics ::wasmlit::cache::CacheKey for #name #ty_generics #where_clause {
            fn cache_key(&self, hasher: &mut ::wasmlit::cache::KeyHasher) {
                #body
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::parse_duration;

    #[test]
    fn durations_parse_like_streamlit_ttl_strings() {
        assert_eq!(parse_duration("10s"), Ok(10.0));
        assert_eq!(parse_duration("1h23m"), Ok(3600.0 + 23.0 * 60.0));
        assert_eq!(parse_duration("1.5 days"), Ok(1.5 * 86_400.0));
        assert_eq!(parse_duration("1h 30m 15s"), Ok(5415.0));
        assert_eq!(parse_duration("500ms"), Ok(0.5));
        assert_eq!(parse_duration("90"), Ok(90.0));
        assert!(parse_duration("soon").is_err());
        assert!(parse_duration("").is_err());
        assert!(parse_duration("1 2").is_err());
    }
}
