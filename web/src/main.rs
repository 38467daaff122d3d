fn main() {
    leptos::mount::mount_to_body(assistant_web::App);
}
