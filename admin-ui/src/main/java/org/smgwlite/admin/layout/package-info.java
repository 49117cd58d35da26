/**
 * The frame around every view: header with user, tenant and sign-out, and the navigation built from the views'
 * own {@code @Menu} and {@code @RolesAllowed}. The start page sends each user to the first view they may open.
 */
package org.smgwlite.admin.layout;
