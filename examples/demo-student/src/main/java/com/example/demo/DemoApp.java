package com.example.demo;

/** The example app's entry point. */
public final class DemoApp {

    private DemoApp() {
    }

    /**
     * Starts the app.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        System.out.println("demo-student: not yet — the example app arrives with the example issue");
    }
}
