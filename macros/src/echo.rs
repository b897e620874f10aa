//! `echo!(ui, { .. })`: Streamlit's `with st.echo():` — the block's source in a code block,
//! then the block run.

use proc_macro2::TokenStream as TokenStream2;
use quote::quote;
use syn::parse::{Parse, ParseStream};
use syn::spanned::Spanned;
use syn::{Block, Expr, Token};

/// `ui, [above | below,] { statements }`.
pub(crate) struct EchoInput {
    ui: Expr,
    /// The code goes below the block's output (Streamlit's `code_location="below"`).
    below: bool,
    block: Block,
}

impl Parse for EchoInput {
    fn parse(input: ParseStream) -> syn::Result<Self> {
        let ui = input.parse()?;
        input.parse::<Token![,]>()?;
        let mut below = false;
        if input.peek(syn::Ident) {
            let place: syn::Ident = input.parse()?;
            below = match place.to_string().as_str() {
                "above" => false,
                "below" => true,
                _ => return Err(syn::Error::new(place.span(), "the code goes `above` or `below` the block's output")),
            };
            input.parse::<Token![,]>()?;
        }
        let block = input.parse()?;
        if !input.is_empty() {
            return Err(input.error("echo! takes the Ui, `above` or `below` if you like, and one block: echo!(ui, { .. })"));
        }
        Ok(EchoInput { ui, below, block })
    }
}

/// The block's statements as the author wrote them (comments and layout kept, the common
/// indentation removed); from the tokens when the compiler has no source text (a block made
/// by another macro).
fn shown_source(block: &Block) -> String {
    let text = block.span().source_text().unwrap_or_else(|| {
        let statements = &block.stmts;
        quote!(#(#statements)*).to_string()
    });
    let inner = text.trim().strip_prefix('{').and_then(|t| t.strip_suffix('}')).unwrap_or(&text);
    dedent(inner)
}

/// Removes blank lines around the text and the indentation all its lines share.
pub(crate) fn dedent(text: &str) -> String {
    let lines: Vec<&str> = text.lines().collect();
    let first = lines.iter().position(|l| !l.trim().is_empty()).unwrap_or(lines.len());
    let last = lines.iter().rposition(|l| !l.trim().is_empty()).map_or(first, |i| i + 1);
    let lines = &lines[first..last];
    let indent =
        lines.iter().filter(|l| !l.trim().is_empty()).map(|l| l.len() - l.trim_start().len()).min().unwrap_or(0);
    let cut = |l: &&str| if l.len() >= indent { l[indent..].trim_end().to_string() } else { l.trim().to_string() };
    lines.iter().map(cut).collect::<Vec<_>>().join("\n")
}

pub(crate) fn expand(input: EchoInput) -> TokenStream2 {
    let EchoInput { ui, below, block } = input;
    let source = shown_source(&block);
    if below {
        quote! {{
            let value = #block;
            let _ = (#ui).code(#source, "rust");
            value
        }}
    } else {
        quote! {{
            let _ = (#ui).code(#source, "rust");
            #block
        }}
    }
}

#[cfg(test)]
mod tests {
    use super::dedent;

    #[test]
    fn dedent_keeps_relative_indentation_and_drops_blank_edges() {
        let text = "\n        let x = 1;\n        if x > 0 {\n            go();\n        }\n\n    ";
        assert_eq!(dedent(text), "let x = 1;\nif x > 0 {\n    go();\n}");
        assert_eq!(dedent("   "), "");
    }
}
