package org.bawaba.platform;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The configuration web-slice tests start from; they pick their controllers with {@code @WebMvcTest}. */
@SpringBootApplication
class PlatformTestApplication {

}
