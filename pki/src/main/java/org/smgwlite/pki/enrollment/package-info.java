/** One-time enrollment codes that authorise a gateway's first EST enrollment: generated from a secure
 *  random source, human-typable, stored only as a salted and peppered HMAC, compared in constant time. */
package org.smgwlite.pki.enrollment;
