/**
 * The frame around every view: header with user, tenant and sign-out, and navigation that shows
 * only what the user's roles allow. The start page sends each role to its own view.
 */
package org.smgwlite.admin.layout;
