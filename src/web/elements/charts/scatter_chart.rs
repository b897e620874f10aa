//! Renders `scatter_chart` through the shared chart renderer ([`super::chart`]).

use leptos::prelude::*;

use crate::charts::ChartProps;
use crate::web::elements::DisplayCell;

pub(crate) fn render(cell: DisplayCell<ChartProps>) -> AnyView {
    super::chart(cell.props, None)
}
