/**
 * The Actuator endpoint {@code nextorm}: {@link NextOrmEndpoint}.
 */
package io.nextorm.spring.actuate;
