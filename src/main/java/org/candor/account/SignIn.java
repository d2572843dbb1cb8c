package org.candor.account;

/**
 * What an identity provider told us about a person at sign-in.
 *
 * @param provider the login provider (a Candor tenant id such as {@code google})
 * @param subject the provider's stable id for the person
 * @param email only when the provider says it is verified, else null
 */
public record SignIn(String provider, String subject, String displayName, String email) {
}
