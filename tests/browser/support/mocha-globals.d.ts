// Browser tests run under mocha, which @web/test-runner loads as globals.
/// <reference types="mocha" />
