//! Multipage apps through `AppTest`: the entry script as the frame, page switches, widget
//! cleanup across pages, shared session state, unreachable pages, "Page not found".

use wasmlit::pages::NavPosition;
use wasmlit::prelude::*;

fn home(ui: &Ui) {
    ui.title("Home");
    let name = ui.text_input_keyed("Name", "name");
    ui.write(format!("home name={name}"));
}

fn settings(ui: &Ui) -> Result {
    ui.title("Settings");
    let state = ui.session_state();
    let visits = state.update_or("settings_visits", 0, |n: &mut i32| *n += 1)?;
    let name: Option<String> = state.get("name").ok();
    ui.write(format!("settings visits={visits} name={name:?}"));
    if ui.button("Go home") {
        ui.switch_page("")?;
    }
    Ok(())
}

fn admin(ui: &Ui) {
    ui.title("Admin");
}

fn app(ui: &Ui) -> Result {
    let state = ui.session_state();
    // The frame: its widget is common to every page.
    let admin_mode = ui.sidebar().toggle("Admin mode");
    let mut pages = vec![Page::new("Home", home).icon("🏠"), Page::new("Settings", settings).icon("⚙️")];
    if admin_mode {
        pages.push(Page::new("Admin", admin));
    }
    let page = ui.navigation(pages);
    state.update_or("frame_runs", 0, |n: &mut i32| *n += 1)?;
    page.run(ui)
}

#[test]
fn the_default_page_shows_first_and_the_menu_lists_the_pages() {
    let mut at = AppTest::new(app);
    at.run();
    assert_eq!(at.title(0).text(), "Home");
    assert_eq!(at.current_page().as_deref(), Some("home"));
    let nav = at.sidebar().navigation(0).text();
    assert_eq!(nav, "Home, Settings");
    assert_eq!(at.page_config().title.as_deref(), Some("Home"));
}

#[test]
fn widgets_belong_to_their_page_and_are_cleaned_up_on_a_switch_but_session_state_stays() {
    let mut at = AppTest::new(app);
    at.run();
    at.text_input(0).input("Ada").run();
    at.session_state().set("kept", 7).unwrap();
    at.switch_page("settings").run();
    assert_eq!(at.title(0).text(), "Settings");
    // The Home page's widget key went with its page; plain keys stay.
    assert_eq!(at.markdown(0).text(), "settings visits=1 name=None");
    assert_eq!(at.session_state().get::<i32>("kept"), Ok(7));
    assert_eq!(at.session_state().get::<i32>("frame_runs"), Ok(3));
    // Back home: a new widget, at its default.
    at.button(0).click().run();
    assert_eq!(at.current_page().as_deref(), Some("home"));
    assert_eq!(at.markdown(0).text(), "home name=");
    // Session state shared across pages keeps counting.
    at.switch_page("settings").run();
    assert_eq!(at.markdown(0).text(), "settings visits=3 name=None", "the run that pressed \"Go home\" counted too");
}

#[test]
fn the_frame_widgets_keep_their_state_across_pages() {
    let mut at = AppTest::new(app);
    at.run();
    at.toggle(0).set_value(true).run();
    at.switch_page("admin").run();
    assert_eq!(at.title(0).text(), "Admin");
    at.switch_page("settings").run();
    assert!(at.toggle(0).value::<bool>(), "the frame's toggle is the same widget on every page");
}

#[test]
fn pages_not_in_the_navigation_are_unreachable() {
    let mut at = AppTest::new(app);
    at.run();
    // Admin is only offered in admin mode: asking for it shows "Page not found" and Home.
    at.switch_page("admin").run();
    assert_eq!(at.title(0).text(), "Home");
    assert!(at.error(0).text().contains("Page not found"));
    assert!(at.error(0).text().contains("/admin"));
    // The message stays while the viewer stays, and goes with the next page they pick.
    at.run();
    assert!(at.error(0).text().contains("Page not found"));
    at.switch_page("settings").run();
    assert!(at.get("error").is_empty());
    // switch_page to a page not in the navigation is an error in the page that called it.
    let mut at = AppTest::new(|ui: &Ui| -> Result {
        let page = ui.navigation(vec![Page::new("One", |ui: &Ui| -> Result {
            ui.switch_page("two")?;
            Ok(())
        })]);
        page.run(ui)
    });
    at.run();
    assert!(at.exception(0).text().contains("Could not find page: `two`"));
}

#[test]
fn an_unknown_path_shows_page_not_found_and_the_default_page() {
    let mut at = AppTest::new(app);
    at.switch_page("no/such/page").run();
    assert_eq!(at.title(0).text(), "Home");
    assert!(at.error(0).text().contains("/no/such/page"));
    assert_eq!(at.current_page().as_deref(), Some("home"));
}

#[test]
fn query_params_clear_on_a_page_switch_but_not_on_the_first_page() {
    let mut at = AppTest::new(|ui: &Ui| -> Result {
        let page = ui.navigation(vec![
            Page::new("A", |ui: &Ui| {
                ui.write(format!("a {:?}", ui.query_params().get("q")));
            }),
            Page::new("B", |ui: &Ui| {
                ui.write(format!("b {:?}", ui.query_params().get("q")));
            }),
        ]);
        page.run(ui)
    });
    at.set_query_string("q=1");
    at.switch_page("b").run();
    assert_eq!(at.markdown(0).text(), "b Some(\"1\")", "a deep link keeps its query");
    at.switch_page("a").run();
    assert_eq!(at.markdown(0).text(), "a None");
    assert_eq!(at.query_string(), "");
}

#[test]
fn the_same_widget_on_two_pages_is_two_widgets() {
    fn page(ui: &Ui) {
        let n = ui.add(Slider::new("N", 0..=10).key("n"));
        ui.write(format!("n={n}"));
    }
    let mut at = AppTest::new(move |ui: &Ui| -> Result {
        let page = ui.navigation(vec![Page::new("P1", page), Page::new("P2", page)]);
        page.run(ui)
    });
    at.run();
    at.slider(0).set_value(5).run();
    assert_eq!(at.markdown(0).text(), "n=5");
    at.switch_page("p2").run();
    assert_eq!(at.markdown(0).text(), "n=0");
    at.switch_page("p1").run();
    assert_eq!(at.markdown(0).text(), "n=0", "the old page's widget was cleaned up");
}

#[test]
fn sections_positions_default_and_custom_paths() {
    let mut at = AppTest::new(|ui: &Ui| -> Result {
        let page = ui.add(
            Navigation::sections([
                ("Your account", vec![Page::new("Log out", |_: &Ui| {}).url_path("/logout/")]),
                (
                    "Reports",
                    vec![
                        Page::new("Dashboard", |ui: &Ui| {
                            ui.write("dash");
                        })
                        .default(true),
                        Page::new("Bugs", |_: &Ui| {}).icon("🐛"),
                    ],
                ),
            ])
            .position(NavPosition::Top),
        );
        page.run(ui)
    });
    at.run();
    assert_eq!(at.markdown(0).text(), "dash");
    let Element::Navigation(nav) = at.main().navigation(0).element().clone() else { panic!("not a navigation") };
    assert_eq!(nav.position, NavPosition::Top);
    assert_eq!(nav.sections[0].title.as_deref(), Some("Your account"));
    assert_eq!(nav.sections[0].pages[0].url_path, "logout");
    assert_eq!(nav.sections[1].pages[0].url_path, "", "the default page is at the root");
    assert!(nav.sections[1].pages[0].active);
    assert_eq!(at.sidebar().get("navigation").len(), 0);
}

#[test]
fn only_the_returned_page_runs_and_bad_navigations_say_why() {
    let mut at = AppTest::new(|ui: &Ui| -> Result {
        let other = Page::new("Other", |_: &Ui| {});
        let page = ui.add(
            Navigation::new(vec![Page::new("Main", |_: &Ui| {}), other.clone(), Page::new("Other", |_: &Ui| {})])
                .position(NavPosition::Hidden),
        );
        page.run(ui)?;
        other.run(ui)
    });
    at.run();
    assert!(at.exception(0).text().contains("Multiple pages have the URL path \"other\""));
    assert!(at.exception(1).text().contains("cannot run"));
    assert!(at.get("navigation").is_empty(), "hidden");
}

#[test]
fn page_links_name_pages_of_the_navigation() {
    let mut at = AppTest::new(|ui: &Ui| -> Result {
        let home = Page::new("Home", |_: &Ui| {}).icon("🏠");
        let page = ui.navigation(vec![home.clone(), Page::new("Data", |_: &Ui| {})]);
        ui.page_link(&home);
        ui.add(PageLink::new("data").label("See the data").disabled(true));
        page.run(ui)
    });
    at.run();
    let Element::PageLink(link) = at.page_link(0).element().clone() else { panic!() };
    assert_eq!(link.target, wasmlit::widgets::page_link::LinkTarget::Page(String::new()));
    assert!(link.active);
    assert_eq!(link.icon.as_deref(), Some("🏠"));
    assert_eq!(at.page_link(1).text(), "See the data");
}

#[test]
fn a_navigation_without_pages_is_one_error_and_the_script_goes_on() {
    let mut at = AppTest::new(|ui: &Ui| -> Result {
        let page = ui.navigation(Vec::new());
        page.run(ui)?;
        ui.write("still here");
        Ok(())
    });
    at.run();
    assert_eq!(at.get("exception").len(), 1);
    assert!(at.exception(0).text().contains("at least one page"));
    assert_eq!(at.markdown(0).text(), "still here");
}

#[test]
fn a_fragment_on_a_page_reruns_as_that_page_and_its_buttons_work() {
    // Found by the hostile app's crash page: the fragment's rerun ran outside its page, so its
    // button had another identity there and its press was lost.
    let fragment_page = |ui: &Ui| -> Result {
        ui.fragment(|ui: &Ui| -> Result {
            if ui.button("Go") {
                ui.write("pressed");
            }
            Ok(())
        })
    };
    let mut at = AppTest::new(move |ui: &Ui| -> Result {
        let page = ui.navigation(vec![Page::new("Home", |_: &Ui| {}), Page::new("Fragment", fragment_page)]);
        page.run(ui)
    });
    at.run();
    at.switch_page("fragment").run();
    at.button(label("Go")).click().run();
    assert_eq!(at.markdown(0).text(), "pressed");
    at.run();
    assert!(at.get("markdown").is_empty(), "a press lasts one run");
}
