/** The platform administrator's view of tenants: list, create and rename. */
package org.smgwlite.admin.tenant;
