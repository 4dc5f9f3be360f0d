package io.rectify.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The region file of an installation: the built-in tree of Jiangxi, and every way a file can be wrong. */
class RegionFileTests {

    @Test
    void theBuiltInTreeIsJiangxiWithItsElevenCities() throws IOException {
        try (Reader file = new InputStreamReader(getClass().getResourceAsStream("/install/regions-jiangxi.csv"),
                StandardCharsets.UTF_8)) {
            List<Region> regions = RegionFile.read(file);

            assertThat(regions).hasSize(12);
            assertThat(regions.get(0).code()).isEqualTo("JX");
            assertThat(regions.get(0).parentCode()).isNull();
            assertThat(regions.subList(1, 12)).allSatisfy(city -> assertThat(city.parentCode()).isEqualTo("JX"));
            assertThat(regions).extracting(Region::code).contains("NC", "GZ");
        }
    }

    @Test
    void aCountyMayHangUnderACity() throws IOException {
        List<Region> regions = RegionFile.read(new StringReader(RegionFile.HEADER + "\n"
                + "JX,,江西省,Jiangxi\nNC,JX,南昌市,Nanchang\n\nNC-DH,NC,东湖区,Donghu\n"));

        assertThat(regions).extracting(Region::code, Region::parentCode)
                .containsExactly(tuple("JX", null),
                        tuple("NC", "JX"), tuple("NC-DH", "NC"));
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
        "code;name\\n|line 1: the header must be",
        "HEADER\\nJX,,江西省|line 2: 4 fields expected, 3 found",
        "HEADER\\njx,,江西省,Jiangxi|line 2: 'jx' is not a region code",
        "HEADER\\nJX,,江西省,Jiangxi\\nJX,,江西省,Jiangxi|line 3: region JX is listed twice",
        "HEADER\\nJX,,江西省,Jiangxi\\nGZ,,赣州市,Ganzhou|line 3: only the first region (the province) has no parent",
        "HEADER\\nJX,,江西省,Jiangxi\\nNC-DH,NC,东湖区,Donghu\\nNC,JX,南昌市,Nanchang|line 3: parent NC must be listed before NC-DH",
        "HEADER\\nNC,JX,南昌市,Nanchang|line 2: parent JX must be listed before NC",
        "HEADER\\nJX,,,Jiangxi|line 2: both names are required",
        "HEADER\\n|the file lists no region",
    })
    void aWrongFileIsRefusedNamingTheLine(String content, String message) {
        String file = content.replace("HEADER", RegionFile.HEADER).replace("\\n", "\n");

        assertThatThrownBy(() -> RegionFile.read(new StringReader(file)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
    }
}
