//! Renders `vega_lite_chart` through the shared chart renderer ([`super::chart`]); with a
//! selection mode, the selections of those parameters are sent as the widget's value.

use leptos::prelude::*;

use crate::elements::charts::vega_lite_chart::VegaLiteChartProps;
use crate::web::widgets::WidgetCell;

pub(crate) fn render(cell: WidgetCell<VegaLiteChartProps>) -> AnyView {
    let props = cell.props;
    let chart = Memo::new(move |_| props.with(|p| p.chart.clone()));
    let params = cell.first.selection_mode.clone();
    let on_select = (!params.is_empty()).then_some(super::OnSelect { params, sink: cell.sink });
    super::chart(chart, on_select)
}
