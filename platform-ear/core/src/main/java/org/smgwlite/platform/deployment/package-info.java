/**
 * Production or development mode: which development secrets and roots are in effect, and the start-up guard that
 * refuses a production deployment while any is, so that nothing runs on a value published in this repository.
 */
package org.smgwlite.platform.deployment;
