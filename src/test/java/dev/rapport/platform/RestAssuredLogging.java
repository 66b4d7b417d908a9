package dev.rapport.platform;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import io.restassured.RestAssured;

/** Prints request and response of every failed REST Assured expectation (auto-registered for all tests). */
public class RestAssuredLogging implements BeforeAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }
}
